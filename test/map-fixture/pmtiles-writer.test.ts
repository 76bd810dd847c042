import { VectorTile } from '@mapbox/vector-tile';
import Protobuf from 'pbf';
import { PMTiles, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { buildKigaliTestBasemap, TEST_BASEMAP_ATTRIBUTION } from './kigali-test-basemap';
import { serializeDirectory, writePmtiles } from './pmtiles-writer';

/** The archive as the `pmtiles` reader sees a file: byte ranges of one buffer. */
function source(bytes: Buffer): Source {
  return {
    getKey: () => 'test.pmtiles',
    getBytes: async (offset, length) => ({
      data: bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length) as ArrayBuffer,
    }),
  };
}

describe('writePmtiles', () => {
  it('writes an archive the maintained reader opens: header, metadata and every tile', async () => {
    const tiles = [
      { z: 0, x: 0, y: 0, data: new Uint8Array([1, 2, 3]) },
      { z: 3, x: 5, y: 2, data: new Uint8Array([4, 5]) },
      { z: 1, x: 1, y: 0, data: new Uint8Array([6]) },
    ];
    const archive = new PMTiles(
      source(
        writePmtiles({
          tiles,
          metadata: { attribution: '© test' },
          bounds: [30, -2, 30.2, -1.9],
          center: [30.1, -1.95, 2],
        }),
      ),
    );
    const header = await archive.getHeader();
    expect(header).toMatchObject({ specVersion: 3, minZoom: 0, maxZoom: 3, clustered: true });
    expect(header.minLon).toBeCloseTo(30);
    expect(header.maxLat).toBeCloseTo(-1.9);
    expect(await archive.getMetadata()).toEqual({ attribution: '© test' });
    for (const t of tiles) {
      const got = await archive.getZxy(t.z, t.x, t.y);
      expect(new Uint8Array(got!.data)).toEqual(t.data);
    }
    expect(await archive.getZxy(3, 0, 0)).toBeUndefined();
  });

  it('lays a directory out column by column, with contiguous offsets as 0', () => {
    const dir = serializeDirectory([
      { tileId: 1, offset: 0, length: 10, runLength: 1 },
      { tileId: 300, offset: 10, length: 5, runLength: 1 },
    ]);
    // count 2; ids 1, +299 (varint 0xab 0x02); runs 1, 1; lengths 10, 5; offsets 0+1, then 0 (follows).
    expect([...dir]).toEqual([2, 1, 0xab, 0x02, 1, 1, 10, 5, 1, 0]);
  });

  it('refuses an archive with no tiles or a tile given twice', () => {
    const base = { metadata: {}, bounds: [0, 0, 1, 1] as [number, number, number, number] };
    expect(() => writePmtiles({ ...base, tiles: [], center: [0, 0, 0] })).toThrow(/at least one tile/);
    const t = { z: 1, x: 0, y: 0, data: new Uint8Array([1]) };
    expect(() => writePmtiles({ ...base, tiles: [t, t], center: [0, 0, 0] })).toThrow(/twice/);
  });
});

describe('the Kigali test basemap', () => {
  it('holds streets, places and buildings of central Kigali in the Protomaps schema', async () => {
    const archive = new PMTiles(source(buildKigaliTestBasemap()));
    const header = await archive.getHeader();
    expect([header.minZoom, header.maxZoom]).toEqual([10, 14]);
    expect(((await archive.getMetadata()) as { attribution: string }).attribution).toBe(
      TEST_BASEMAP_ATTRIBUTION,
    );
    // Nyabugogo at zoom 14: the bus park's roads and building.
    const tile = await archive.getZxy(14, 9559, 8280);
    const layers = new VectorTile(new Protobuf(new Uint8Array(tile!.data))).layers;
    expect(layers.roads?.length).toBeGreaterThan(0);
    expect(layers.roads?.feature(0).properties.kind).toBe('major_road');
    expect(layers.buildings?.length).toBeGreaterThan(0);
  });
});
