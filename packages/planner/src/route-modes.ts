/**
 * Transit modes from GTFS route_type: the basic types (0–7, 11, 12) and Google's extended types (100–1700),
 * folded into the modes riders recognise. Types outside both lists (air, taxi, misc.) are shown as a bus, the
 * generic road vehicle, rather than refusing an otherwise valid feed.
 */
export const transitModes = [
  'tram',
  'subway',
  'rail',
  'bus',
  'ferry',
  'cable_car',
  'gondola',
  'funicular',
  'trolleybus',
  'monorail',
] as const;
export type TransitMode = (typeof transitModes)[number];

const basic: Record<number, TransitMode> = {
  0: 'tram',
  1: 'subway',
  2: 'rail',
  3: 'bus',
  4: 'ferry',
  5: 'cable_car',
  6: 'gondola',
  7: 'funicular',
  11: 'trolleybus',
  12: 'monorail',
};

export function modeOfRouteType(type: number): TransitMode {
  const b = basic[type];
  if (b) return b;
  if (type === 401 || type === 402) return 'subway';
  if (type === 405) return 'monorail';
  const hundreds = Math.floor(type / 100);
  switch (hundreds) {
    case 1: // railway services
    case 3: // suburban railway
    case 4: // urban railway (401/402 metro/underground above)
      return 'rail';
    case 2: // coach
    case 7: // bus
      return 'bus';
    case 8:
      return 'trolleybus';
    case 9:
      return 'tram';
    case 10: // water transport
    case 12: // ferry
      return 'ferry';
    case 13: // aerial lift; 1301 telecabin, 1302 cable car (aerial), 1303 elevator, 1304 chair lift…
      return 'gondola';
    case 14:
      return 'funicular';
    default:
      return 'bus';
  }
}
