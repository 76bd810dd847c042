/**
 * The /live channel (JSON text frames, unlike /sync's binary ones). Its vehicle is the domain's `LiveVehicle`
 * (the one schema both sides validate with), passed in as `Vehicle` so this package stays free of zod.
 *
 * Server → client: `snapshot` replaces what the client had; `position` adds or moves one vehicle (also when it
 * turns stale); `removed` takes one off the map (it left the viewer's box, went off shift, or is now shown under
 * another id because the viewer's trip on it started or ended).
 */
export type LiveServerMessage<Vehicle> =
  | { type: 'snapshot'; vehicles: Vehicle[] }
  | { type: 'position'; vehicle: Vehicle }
  | { type: 'removed'; vehicleId: string };

/** Client → server: narrow to a bounding box [minLon, minLat, maxLon, maxLat], or everything without one. */
export interface LiveClientMessage {
  type: 'subscribe';
  bbox?: [minLon: number, minLat: number, maxLon: number, maxLat: number];
}

/** Every `type` the channel carries, by direction: the wire-surface test records them. */
export const liveMessageTypes = {
  server: ['snapshot', 'position', 'removed'],
  client: ['subscribe'],
} as const satisfies {
  server: readonly LiveServerMessage<unknown>['type'][];
  client: readonly LiveClientMessage['type'][];
};
