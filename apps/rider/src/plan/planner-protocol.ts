import type { Itinerary } from '@kigaligo/planner';
import type { NetworkShapes } from './network-geojson';

// Messages between the planning screen and the planner worker (planner.worker.ts).

export interface PlanQuery {
  from: { lat: number; lon: number; name: string };
  to: { lat: number; lon: number; name: string };
  /** ISO time with an offset, or a wall time without one read in the network's zone; neither means "now". */
  departAt?: string;
  arriveBy?: string;
}

export type ToWorker = { type: 'plan'; id: number; query: PlanQuery };

export type FromWorker =
  | { type: 'ready'; shapes: NetworkShapes; timeZone: string }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; itineraries: Itinerary[] }
  | { type: 'error'; id: number; message: string };
