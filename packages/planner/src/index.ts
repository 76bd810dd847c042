export { buildBundle, loadBundle } from './bundle';
export {
  type Departure,
  departure,
  describeDeparture,
  gtfsClockTime,
  nextScheduledDepartures,
  type ScheduledDeparture,
  scheduledDepartures,
  stopIndexOf,
} from './departures';
export { haversine, type LatLon } from './geo';
export * from './itinerary';
export { MOTO, motoRide } from './moto';
export { buildNetwork, DEFAULT_OPTIONS, type Network, type Pattern, type PlannerOptions } from './network';
export { type PlanRequest, planTrip, walkLinks } from './plan';
export { INF, type RaptorQuery, type RaptorResult, raptor } from './raptor';
export { roadDriveSeconds, roadEtaSeconds, roadEtaSecondsOver } from './road-eta';
export { modeOfRouteType, type TransitMode, transitModes } from './route-modes';
export { seededRandom } from './seeded-random';
export { activeServices } from './services';
export { SHAPE_TOLERANCE_METRES, type ShapeLine, shapePositions } from './shape-line';
export { type Timetable, timetableFromFeed } from './timetable';
export {
  addDays,
  instantMs,
  isKnownTimeZone,
  originGapSecs,
  type ServiceTime,
  serviceDayOrigin,
  serviceTimeIso,
  serviceTimeToMs,
  toServiceTime,
  toZonedIso,
  weekdayMon0,
  zonedWallTime,
} from './zone-time';
