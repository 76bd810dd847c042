// Parent stations (GTFS location_type 1) for Kigali's big bus parks. Anchor coordinates are the terminals
// listed in KIGALI.md (taken from the 2024 feed); every served stop within RADIUS of the anchor becomes a
// child, so a rider can change between a park's platforms with a known minimum transfer time.

const RADIUS_M = 150;
// [id, name, lat, lon, min transfer at the same stop (s), between stops of the park (s)]
// Transfer times are our assumption: 2 min to change at one stop, 4 min across a park, 5 min in Nyabugogo
// (the largest park, split between levels).
const PARKS = [
  ['nyabugogo', 'Nyabugogo Bus Park', -1.940645, 30.044477, 120, 300],
  ['downtown', 'Downtown Bus Terminal (mu Mujyi)', -1.943838, 30.056937, 120, 240],
  ['kimironko', 'Kimironko Bus Terminal', -1.949596, 30.12557, 120, 240],
  ['remera', 'Remera Bus Terminal', -1.958409, 30.119131, 120, 240],
  ['kacyiru', 'Kacyiru Bus Terminal', -1.936693, 30.081353, 120, 240],
  ['nyanza', 'Nyanza (Kicukiro) Bus Terminal', -2.001041, 30.091375, 120, 240],
  ['kabuga', 'Kabuga Bus Terminal', -1.979014, 30.223064, 120, 240],
  ['kinyinya', 'Kinyinya Bus Terminal', -1.913391, 30.109343, 120, 240],
  ['kanombe', 'Kanombe Bus Terminal', -1.985908, 30.179103, 120, 240],
  ['nyamirambo', 'Nyamirambo (Ryanyuma) Bus Terminal', -1.980121, 30.041981, 120, 240],
  ['batsinda', 'Batsinda Bus Terminal', -1.906775, 30.08027, 120, 240],
];

function metres(aLat, aLon, bLat, bLon) {
  const r = Math.PI / 180;
  const x = (bLon - aLon) * r * Math.cos(((aLat + bLat) / 2) * r);
  return Math.hypot(x, (bLat - aLat) * r) * 6_371_000;
}

export function buildStations(stops) {
  const childToStation = new Map();
  const stations = [];
  for (const [id, name, lat, lon, sameStop, between] of PARKS) {
    const stopId = `station-${id}`;
    const kids = stops.filter((s) => metres(lat, lon, Number(s.stop_lat), Number(s.stop_lon)) <= RADIUS_M);
    if (kids.length === 0) throw new Error(`no served stop within ${RADIUS_M} m of ${name}`);
    for (const k of kids) childToStation.set(k.stop_id, stopId);
    stations.push({
      stop_id: stopId,
      stop_name: name,
      stop_desc: 'Bus park',
      stop_lat: lat.toFixed(6),
      stop_lon: lon.toFixed(6),
      _sameStop: sameStop,
      _between: between,
    });
  }
  return { stations, childToStation };
}
