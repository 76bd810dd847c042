import { describe, expect, it } from 'vitest';
import { basemapAssetsUrl } from './basemap-assets';
import { BASEMAP_SOURCE, vectorBasemapStyle } from './basemap-style';

describe('vectorBasemapStyle', () => {
  const style = vectorBasemapStyle({
    pmtilesUrl: 'https://tiles.example.org/rwanda.pmtiles',
    assetsUrl: basemapAssetsUrl('https://kigaligo.example', '/driver/'),
    lang: 'en',
  });

  it('reads the archive through the pmtiles protocol', () => {
    expect(style.sources[BASEMAP_SOURCE]).toEqual({
      type: 'vector',
      url: 'pmtiles://https://tiles.example.org/rwanda.pmtiles',
    });
  });

  it('takes glyphs and sprites from our own server, under the app base', () => {
    expect(style.glyphs).toBe('https://kigaligo.example/driver/map/basemap/fonts/{fontstack}/{range}.pbf');
    expect(style.sprite).toBe('https://kigaligo.example/driver/map/basemap/sprites/light');
  });

  it('draws streets, water, landuse, buildings and labels from the Protomaps schema', () => {
    const sourceLayers = new Set(
      style.layers.map((l) => ('source-layer' in l ? l['source-layer'] : undefined)).filter(Boolean),
    );
    for (const layer of ['roads', 'water', 'landuse', 'buildings', 'places']) {
      expect(sourceLayers).toContain(layer);
    }
    expect(style.layers.some((l) => l.type === 'symbol' && l['source-layer'] === 'roads')).toBe(true);
  });

  it('asks only for the fonts we ship', () => {
    const fonts = JSON.stringify(
      style.layers.map((l) => (l.layout as Record<string, unknown>)?.['text-font']),
    );
    const named = new Set(fonts.match(/Noto Sans [A-Za-z ]+?(?=")/g));
    // Devanagari only for names written in that script, which a Kigali extract does not carry.
    named.delete('Noto Sans Devanagari Regular v1');
    expect([...named].sort()).toEqual(['Noto Sans Italic', 'Noto Sans Medium', 'Noto Sans Regular']);
  });
});
