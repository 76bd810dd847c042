/** A parsed, validated GTFS feed. Times are seconds after the service day's origin (see time.ts). */
export interface Agency {
  id: string;
  name: string;
  url: string;
  timezone: string;
  lang?: string;
}

/** location_type: 0 stop/platform, 1 station, 2 entrance, 3 generic node, 4 boarding area. */
export interface Stop {
  id: string;
  code?: string;
  name: string;
  desc?: string;
  lat: number;
  lon: number;
  locationType: 0 | 1 | 2 | 3 | 4;
  parentStation?: string;
}

export interface Route {
  id: string;
  agencyId?: string;
  shortName: string;
  longName: string;
  desc?: string;
  type: number;
  color?: string;
  textColor?: string;
}

export interface Trip {
  id: string;
  routeId: string;
  serviceId: string;
  headsign?: string;
  directionId?: 0 | 1;
  /** shapes.txt shape_id: the line the vehicle follows (optional in GTFS). */
  shapeId?: string;
}

/** One shapes.txt point; a shape's points are kept in shape_pt_sequence order. */
export interface ShapePoint {
  lat: number;
  lon: number;
  sequence: number;
  /** Distance along the shape in the feed's unit, when given. */
  distTraveled?: number;
}

/** A shapes.txt polyline: the path vehicles take on the road, ≥ 2 points in order. */
export interface Shape {
  id: string;
  points: ShapePoint[];
}

export interface StopTime {
  tripId: string;
  stopId: string;
  sequence: number;
  arrival: number;
  departure: number;
  /** Distance along the trip in the feed's unit (metres in the Kigali feed). */
  distTraveled?: number;
}

export interface Calendar {
  serviceId: string;
  /** Monday first: [mon, tue, wed, thu, fri, sat, sun]. */
  days: [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
  startDate: string;
  endDate: string;
}

export interface CalendarDate {
  serviceId: string;
  date: string;
  /** 1 service added on that date, 2 removed. */
  exceptionType: 1 | 2;
}

export interface Frequency {
  tripId: string;
  start: number;
  end: number;
  headwaySecs: number;
  exactTimes: boolean;
}

/** transfer_type: 0 recommended, 1 timed, 2 needs min_transfer_time, 3 not possible (4, 5: in-seat). */
export interface Transfer {
  fromStopId: string;
  toStopId: string;
  fromRouteId?: string;
  toRouteId?: string;
  fromTripId?: string;
  toTripId?: string;
  type: 0 | 1 | 2 | 3 | 4 | 5;
  minTransferTime?: number;
}

export interface FeedInfo {
  publisherName: string;
  publisherUrl: string;
  lang: string;
  startDate?: string;
  endDate?: string;
  version?: string;
}

export interface Feed {
  agencies: Agency[];
  stops: Stop[];
  routes: Route[];
  trips: Trip[];
  /** Grouped by trip, each trip's stops in stop_sequence order. */
  stopTimes: StopTime[];
  calendars: Calendar[];
  calendarDates: CalendarDate[];
  frequencies: Frequency[];
  transfers: Transfer[];
  /** shapes.txt; empty when the feed has none (trips are then drawn stop to stop). */
  shapes: Shape[];
  feedInfo?: FeedInfo;
}

/** One problem found in a feed: the file, the 1-based line (0 when it concerns the whole file) and what. */
export interface FeedIssue {
  file: string;
  line: number;
  message: string;
}
