import type { Place } from '../types';

type Landmark = Omit<Place, 'kind' | 'id'> & { id: string };

// Places riders name (KIGALI.md "Places and words"). Where the 2024 feed has a stop of that name, the
// coordinates are that stop's (exact for the stop, close for the place); the others are APPROXIMATE
// (marked), estimated from public maps to about ±300 m.
const list: Landmark[] = [
  {
    id: 'downtown',
    name: 'Downtown',
    altNames: ['mu Mujyi', 'Umujyi', 'Mu Mujyi rwagati', 'City centre', 'CBD', 'Town'],
    lat: -1.943838,
    lon: 30.056937,
    district: 'Nyarugenge',
  },
  {
    id: 'sonatubes',
    name: 'Sonatubes',
    altNames: ['Sonatube', 'Kuri Sonatubes'],
    lat: -1.968132,
    lon: 30.101791,
  },
  { id: 'rwandex', name: 'Rwandex', altNames: ['Kuri Rwandex'], lat: -1.969383, lon: 30.086747 },
  { id: 'kanogo', name: 'Kanogo', altNames: ['Kanogo rond-point'], lat: -1.955139, lon: 30.073849 },
  { id: 'gishushu', name: 'Gishushu', altNames: ['Kuri Gishushu'], lat: -1.953871, lon: 30.102399 },
  { id: 'prince-house', name: 'Prince House', altNames: ['Kwa Prince House'], lat: -1.96017, lon: 30.115265 },
  { id: 'chez-lando', name: 'Chez Lando', altNames: ['Kwa Lando', 'Lando'], lat: -1.95969, lon: 30.108119 },
  {
    id: 'kk-12',
    name: 'KK 12',
    altNames: ['Kuri 12', 'KK12', 'Kuri cumi na kabiri'],
    lat: -1.95408,
    lon: 30.139046,
  },
  { id: 'zindiro', name: 'Zindiro', altNames: ['Kuri Zindiro'], lat: -1.929045, lon: 30.139608 },
  {
    id: 'giporoso',
    name: 'Giporoso',
    altNames: ['Kuri Giporoso'],
    lat: -1.9625,
    lon: 30.1285,
    approximate: true,
  },
  {
    id: 'airport',
    name: 'Kigali International Airport',
    altNames: ['Kanombe airport', "Ikibuga cy'indege cya Kanombe", "Ikibuga cy'indege", 'Airport', 'KGL'],
    lat: -1.9686,
    lon: 30.1395,
    district: 'Kicukiro',
    approximate: true,
  },
  {
    id: 'amahoro-stadium',
    name: 'Amahoro Stadium',
    altNames: ['Sitade Amahoro', 'Stade Amahoro', 'Amahoro'],
    lat: -1.9555,
    lon: 30.1178,
    district: 'Gasabo',
    approximate: true,
  },
  {
    id: 'chuk',
    name: 'CHUK hospital',
    altNames: [
      'CHUK',
      'Ibitaro bya CHUK',
      'University Teaching Hospital of Kigali',
      'Ibitaro bikuru bya Kigali',
    ],
    lat: -1.9447,
    lon: 30.0607,
    district: 'Nyarugenge',
    approximate: true,
  },
  {
    id: 'zion-temple',
    name: 'Zion Temple',
    altNames: ['Zion Temple Celebration Centre', 'Urusengero Zion Temple'],
    lat: -1.9885,
    lon: 30.0865,
    district: 'Kicukiro',
    approximate: true,
  },
  {
    id: 'convention-centre',
    name: 'Kigali Convention Centre',
    altNames: ['Convention Centre', 'KCC'],
    lat: -1.952573,
    lon: 30.094775,
  },
  {
    id: 'kimironko-market',
    name: 'Kimironko market',
    altNames: ['Isoko rya Kimironko', 'Kimironko isoko'],
    lat: -1.9493,
    lon: 30.1268,
    approximate: true,
  },
];

export const LANDMARKS: Place[] = list.map((l) => ({ ...l, id: `landmark-${l.id}`, kind: 'landmark' }));
