import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlaces, nearestStops, SECTORS, searchPlaces } from './index';

// The shipped file, as the apps and the server load it.
const index = loadPlaces(
  readFileSync(new URL('../../../public/network/kigali.places.json', import.meta.url), 'utf8'),
);
const top = (q: string) => searchPlaces(index, q, { limit: 3 })[0];

describe('searchPlaces', () => {
  it('finds bus parks by name, by "gare", and ahead of stops of the same name', () => {
    expect(top('Nyabugogo')?.id).toBe('station-nyabugogo');
    expect(top('gare ya nyabugogo')?.id).toBe('station-nyabugogo');
    expect(top('Kimironko')?.kind).toBe('station');
  });

  it('tolerates typos and half-typed words', () => {
    expect(top('Kimirnko')?.name).toMatch(/^Kimironko/);
    expect(top('nyabugo')?.id).toBe('station-nyabugogo');
    expect(top('Nyabugoog')?.id).toBe('station-nyabugogo');
    expect(top('remra')?.name).toMatch(/^Remera/);
    expect(top('gishsuhu')?.name).toMatch(/^Gishushu/);
  });

  it('ignores case, accents and spacing', () => {
    expect(top('KIMIRONKO')?.name).toMatch(/^Kimironko/);
    expect(top('Kimirónko')?.name).toMatch(/^Kimironko/);
    expect(top('kuri 12')?.name).toMatch(/KK 12|Kuri 12/);
    expect(top('kuri12')?.name).toMatch(/KK 12|Kuri 12/);
    expect(top('kk12')?.id).toBe('landmark-kk-12');
  });

  it('knows the Kinyarwanda names riders use', () => {
    expect(top('mu mujyi')?.id).toBe('landmark-downtown');
    expect(top("ikibuga cy'indege")?.id).toBe('landmark-airport');
    expect(top('sitade amahoro')?.id).toBe('landmark-amahoro-stadium');
    expect(top('isoko rya kimironko')?.id).toBe('landmark-kimironko-market');
    expect(top('umurenge wa gikondo')?.id).toBe('sector-gikondo');
  });

  it('finds every landmark KIGALI.md names', () => {
    for (const q of ['Sonatubes', 'Rwandex', 'Kanogo', 'Gishushu', 'Prince House', 'Chez Lando', 'Zindiro']) {
      expect(top(q)?.name, q).toMatch(new RegExp(q.slice(0, 5), 'i'));
    }
    for (const q of ['Giporoso', 'Kanombe airport', 'Amahoro Stadium', 'CHUK', 'Zion Temple']) {
      expect(top(q)?.kind, q).toBe('landmark');
    }
  });

  it('ranks exact matches first and returns nothing for nonsense', () => {
    const hits = searchPlaces(index, 'kacyiru', { limit: 5 });
    expect(hits[0]?.score).toBeGreaterThanOrEqual(hits.at(-1)?.score ?? 0);
    expect(searchPlaces(index, 'zzqxw')).toEqual([]);
    expect(searchPlaces(index, '   ')).toEqual([]);
  });

  it('filters by kind and honours the limit', () => {
    const hits = searchPlaces(index, 'ki', { limit: 4, kinds: ['neighbourhood'] });
    expect(hits.length).toBeLessThanOrEqual(4);
    expect(hits.every((h) => h.kind === 'neighbourhood')).toBe(true);
  });
});

describe('place data', () => {
  it('has the 35 sectors of the City of Kigali, 15 + 10 + 10 by district', () => {
    expect(SECTORS).toHaveLength(35);
    const count = (d: string) => SECTORS.filter((s) => s.district === d).length;
    expect([count('Gasabo'), count('Kicukiro'), count('Nyarugenge')]).toEqual([15, 10, 10]);
  });

  it('keeps every place inside Kigali', () => {
    for (const { place } of index.places) {
      expect(place.lat, place.name).toBeGreaterThan(-2.1);
      expect(place.lat, place.name).toBeLessThan(-1.78);
      expect(place.lon, place.name).toBeGreaterThan(29.95);
      expect(place.lon, place.name).toBeLessThan(30.3);
    }
  });

  it('rejects a file that is not a places file', () => {
    expect(() => loadPlaces('{"version":2}')).toThrow(/places file/);
  });
});

describe('nearestStops', () => {
  it('returns stops nearest first', () => {
    const near = nearestStops(index, { lat: -1.940645, lon: 30.044477 }, 3);
    expect(near[0]?.id).toBe('station-nyabugogo');
    expect(near[0]?.distanceMeters).toBe(0);
    expect(near.map((s) => s.distanceMeters)).toEqual(
      [...near.map((s) => s.distanceMeters)].sort((a, b) => a - b),
    );
  });
});
