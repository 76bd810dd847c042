import type { VehicleInput } from '@kigaligo/domain';

/** Demo accounts, also listed in README.md and printed at start-up. Never seeded in production. */
export const demoAccounts = [
  {
    role: 'rider',
    email: 'rider@demo.kigaligo.rw',
    password: 'kigali-rider',
    name: 'Aline Uwase',
    phone: '+250788100001',
  },
  {
    role: 'driver',
    email: 'driver@demo.kigaligo.rw',
    password: 'kigali-driver',
    name: 'Jean Bosco Habimana',
    phone: '+250788100002',
  },
  {
    role: 'admin',
    email: 'admin@demo.kigaligo.rw',
    password: 'kigali-admin',
    name: 'Diane Mukamana',
    phone: '+250788100003',
  },
] as const;

export const demoVehicles: VehicleInput[] = [
  { kind: 'moto', plate: 'RD 412 K', capacity: 1, operator: 'Independent motari (COTRAMORWA member)' },
  { kind: 'moto', plate: 'RF 087 B', capacity: 1, operator: 'Independent motari (COTRAMORWA member)' },
  { kind: 'car', plate: 'RAC 221 M', capacity: 4, operator: 'Kigali Cab Co-op' },
  { kind: 'bus', plate: 'RAE 540 Q', capacity: 70, operator: 'Kigali Bus Services' },
  { kind: 'bus', plate: 'RAF 118 D', capacity: 70, operator: 'Royal Express' },
];

/**
 * The main terminals, ids and coordinates from the RURA / enRouteQ GTFS feed (Nov 2024), via
 * trufi-association/HackathonKigali (shared/KIGALI.md). The full network arrives with the planner.
 */
export const demoStops = [
  {
    id: '058efd32-5f66-4fd8-b2e3-a344960c88c1',
    name: 'Nyabugogo bus terminal',
    lat: -1.940645,
    lon: 30.044477,
  },
  {
    id: '07e53215-eac7-4cc2-a311-ab4ff913b8bd',
    name: 'Downtown Bus Terminal',
    lat: -1.943838,
    lon: 30.056937,
  },
  {
    id: '47127053-e479-4909-85bb-431e162f75d3',
    name: 'Kimironko bus terminal',
    lat: -1.949596,
    lon: 30.12557,
  },
  { id: 'a0448e65-92ec-4d1b-a3ac-3ff3d535774d', name: 'Remera Terminal', lat: -1.958409, lon: 30.119131 },
  { id: 'b81198c8-9cb3-4f0f-9c4e-cb29f54bf1fa', name: 'Kicukiro', lat: -1.983847, lon: 30.103971 },
  {
    id: '9a8350ea-0b1a-422a-a8ea-b0fc82004298',
    name: 'Kacyiru bus terminal',
    lat: -1.936693,
    lon: 30.081353,
  },
  { id: '38db5279-62b0-4c02-9e3d-f968f4246a42', name: 'Nyanza Terminal', lat: -2.001041, lon: 30.091375 },
  { id: '2e342f50-d276-48df-85b6-4670df58552e', name: 'Kabuga Terminal', lat: -1.979014, lon: 30.223064 },
  {
    id: '51c07311-2e69-4611-95a4-5d83b6c21022',
    name: 'Kinyinya Bus terminal',
    lat: -1.913391,
    lon: 30.109343,
  },
  { id: '2a42f1c4-7a28-4e27-aed5-e1765dfdd427', name: 'Kanombe Terminal', lat: -1.985908, lon: 30.179103 },
  {
    id: '924fac9a-104d-43d1-9b7e-cf05a48bf0d7',
    name: 'Ryanyuma /Nyamirambo bus terminal',
    lat: -1.980121,
    lon: 30.041981,
  },
  {
    id: '467a96e9-d75f-467e-973c-9eb7eb6cf60a',
    name: 'Batsinda Bus Terminal',
    lat: -1.906775,
    lon: 30.08027,
  },
];
