// Writes the test basemap to a file, to try MAP_PMTILES_URL by hand (serve it with range requests and CORS):
//   pnpm exec tsx test/map-fixture/write-test-basemap.ts kigali-test.pmtiles
import { writeFileSync } from 'node:fs';
import { buildKigaliTestBasemap } from './kigali-test-basemap';

const out = process.argv[2];
if (!out) {
  console.error('usage: tsx test/map-fixture/write-test-basemap.ts <file.pmtiles>');
  process.exit(2);
}
const archive = buildKigaliTestBasemap();
writeFileSync(out, archive);
console.log(`${out}: ${archive.length} bytes`);
