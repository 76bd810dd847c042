import type { Place } from '../types';

// The 35 sectors (imirenge) of the City of Kigali by district (KIGALI.md "Places and words"). Coordinates are
// APPROXIMATE centres (about ±1.5 km), estimated from public maps, not surveyed boundaries: good enough to
// plan a trip "to Gikondo", not to decide which sector an address is in.
const bySector: Record<string, [district: string, lat: number, lon: number]> = {
  Bumbogo: ['Gasabo', -1.893, 30.154],
  Gatsata: ['Gasabo', -1.918, 30.058],
  Gikomero: ['Gasabo', -1.862, 30.215],
  Gisozi: ['Gasabo', -1.924, 30.074],
  Jabana: ['Gasabo', -1.885, 30.05],
  Jali: ['Gasabo', -1.893, 30.023],
  Kacyiru: ['Gasabo', -1.938, 30.086],
  Kimihurura: ['Gasabo', -1.951, 30.087],
  Kimironko: ['Gasabo', -1.944, 30.126],
  Kinyinya: ['Gasabo', -1.913, 30.105],
  Ndera: ['Gasabo', -1.93, 30.168],
  Nduba: ['Gasabo', -1.866, 30.107],
  Remera: ['Gasabo', -1.955, 30.111],
  Rusororo: ['Gasabo', -1.955, 30.195],
  Rutunga: ['Gasabo', -1.829, 30.151],
  Gahanga: ['Kicukiro', -2.04, 30.1],
  Gatenga: ['Kicukiro', -1.993, 30.08],
  Gikondo: ['Kicukiro', -1.975, 30.072],
  Kagarama: ['Kicukiro', -1.998, 30.107],
  Kanombe: ['Kicukiro', -1.978, 30.165],
  Kicukiro: ['Kicukiro', -1.975, 30.1],
  Kigarama: ['Kicukiro', -1.996, 30.066],
  Masaka: ['Kicukiro', -1.995, 30.205],
  Niboye: ['Kicukiro', -1.983, 30.113],
  Nyarugunga: ['Kicukiro', -1.975, 30.14],
  Gitega: ['Nyarugenge', -1.955, 30.056],
  Kanyinya: ['Nyarugenge', -1.925, 29.99],
  Kigali: ['Nyarugenge', -1.952, 30.012],
  Kimisagara: ['Nyarugenge', -1.947, 30.046],
  Mageragere: ['Nyarugenge', -2.025, 30.02],
  Muhima: ['Nyarugenge', -1.937, 30.058],
  Nyakabanda: ['Nyarugenge', -1.963, 30.046],
  Nyamirambo: ['Nyarugenge', -1.976, 30.042],
  Nyarugenge: ['Nyarugenge', -1.948, 30.062],
  Rwezamenyo: ['Nyarugenge', -1.96, 30.053],
};

export const SECTORS: Place[] = Object.entries(bySector).map(([name, [district, lat, lon]]) => ({
  id: `sector-${name.toLowerCase()}`,
  name,
  // "Umurenge wa …" is how a sector is named in Kinyarwanda; "Kigali" alone would mean the city.
  altNames: [`Umurenge wa ${name}`, `${name} sector`],
  kind: 'neighbourhood',
  lat,
  lon,
  district,
  approximate: true,
}));
