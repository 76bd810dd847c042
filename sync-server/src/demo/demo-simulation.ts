import {
  type DispatchPolicy,
  type DriverTripAction,
  driverActionInput,
  type LatLon,
  type TrackedVehicle,
} from '@kigaligo/domain';
import { haversine, type Network, seededRandom, toServiceTime } from '@kigaligo/planner';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Logger } from 'pino';
import { applyDriverAction } from '../booking/driver-actions';
import type { Db } from '../db/client';
import { trips, vehicleLive, vehicles } from '../db/schema';
import { DomainError } from '../domain-error';
import { clockTime } from '../realtime/scheduled-trip';
import { ingestPositions } from '../tracking/ingest-positions';
import { openShift } from '../tracking/shifts';
import { type BusRun, busPosition, runKey, runningTrips, runStart } from './bus-runs';
import { type Polyline, pointAlong, polyline } from './polyline';
import { RoadGraph } from './road-graph';
import { seededUuid } from './seeded-uuid';

/** Metres per second: a moto weaves through traffic a little faster than a car. */
const SPEED = { moto: 8, car: 7 } as const;
/** A simulated driver answers an offer after this many seconds (a person reading it and deciding). */
const ANSWER_SECONDS = [4, 12] as const;
/** Share of offers a simulated driver turns down, so riders also see dispatch move on to the next vehicle. */
const DECLINE_SHARE = 0.1;
/** Seconds the rider takes to get on at the pickup. */
const BOARDING_SECONDS = [10, 25] as const;
/** An idle vehicle waits at a stage this long, then rides to another one nearby. */
const PARK_SECONDS = [30, 120] as const;
const CRUISE_RADIUS_METRES = 4000;
/** Never more simulated time than this between two ticks (a paused process must not teleport vehicles). */
const MAX_STEP_MS = 5000;
const LIVE = ['assigned', 'accepted', 'driver_arrived', 'in_progress'] as const;

export interface DemoSimulationDeps {
  db: Db;
  /** The network the server plans on: its shapes are the roads, its timetable runs the buses. */
  network: () => Network;
  live: { publish(v: TrackedVehicle): Promise<void>; rosterChanged(): Promise<void> };
  /** Mirrors a trip the simulation changed into its rider's and driver's documents. */
  refreshTrip: (tripId: string) => Promise<void>;
  policy: DispatchPolicy;
  area: () => Parameters<typeof ingestPositions>[3]['area'];
  retentionDays: number;
  logger: Logger;
  /** With several server processes, only the one holding this lease moves the fleet. */
  lease?: (ttlMs: number) => Promise<boolean>;
}

interface Leg {
  key: string;
  line: Polyline;
  walked: number;
}

interface Driving {
  pos: LatLon & { heading: number };
  leg?: Leg;
  /** Until when an idle vehicle stays where it is. */
  parkedUntil: number;
  /** The planned answer to the offer of one trip, or the boarding wait of one trip. */
  pending?: { tripId: string; at: number; accept: boolean };
  seq: number;
}

interface Bus {
  run?: BusRun;
}

type VehicleRow = typeof vehicles.$inferSelect;

/**
 * The living demo (`DEMO_SIMULATION`, on with the demo data): simulated motos and cars that take offers after
 * a human-like pause, drive to the pickup and the destination along the network's roads and complete the ride
 * through the same driver actions a phone sends; buses that run the timetable's trips. Everything random comes
 * from one seeded generator and the clock is the caller's, so a test replays a run exactly. Only vehicles
 * marked `simulated` are moved: the manual demo driver and every real one are left alone.
 */
export class DemoSimulation {
  private readonly random: () => number;
  private roads: { graph: RoadGraph; of: Network } | undefined;
  private readonly drivers = new Map<string, Driving>();
  private readonly buses = new Map<string, Bus>();
  private last: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly deps: DemoSimulationDeps,
    seed: number,
  ) {
    this.random = seededRandom(seed);
  }

  start(intervalMs = 3000): void {
    const tick = async () => {
      const lead = (await this.deps.lease?.(intervalMs * 3).catch(() => false)) ?? true;
      if (lead)
        await this.tick(new Date()).catch((err: unknown) =>
          this.deps.logger.error({ err }, 'demo simulation failed'),
        );
      this.timer = setTimeout(tick, intervalMs);
      this.timer.unref();
    };
    this.timer = setTimeout(tick, 0);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Moves every simulated vehicle to `now`. One tick at a time. */
  tick(now: Date): Promise<void> {
    this.running ??= this.step(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async step(now: Date): Promise<void> {
    const dt =
      Math.min(MAX_STEP_MS, this.last === undefined ? 0 : Math.max(0, now.getTime() - this.last)) / 1000;
    this.last = now.getTime();
    const { db } = this.deps;
    const fleet = await db
      .select()
      .from(vehicles)
      .where(eq(vehicles.simulated, true))
      .orderBy(asc(vehicles.plate));
    const live = new Map(
      (
        await db
          .select()
          .from(vehicleLive)
          .where(
            inArray(
              vehicleLive.vehicleId,
              fleet.map((v) => v.id),
            ),
          )
      ).map((l) => [l.vehicleId, l]),
    );
    const driverIds = fleet.flatMap((v) => (v.kind !== 'bus' && v.driverId ? [v.driverId] : []));
    const open =
      driverIds.length === 0
        ? []
        : await db
            .select()
            .from(trips)
            .where(and(inArray(trips.driverId, driverIds), inArray(trips.status, [...LIVE])));
    let rosterChanged = false;
    for (const v of fleet) {
      if (v.status === 'inactive') continue;
      if (v.kind === 'bus') rosterChanged = (await this.moveBus(v, now)) || rosterChanged;
      else if (v.driverId) {
        const trip = open.find((t) => t.vehicleId === v.id && t.driverId === v.driverId);
        const at = live.get(v.id);
        rosterChanged = (await this.moveCar(v, v.driverId, trip, at, now, dt)) || rosterChanged;
      }
    }
    if (rosterChanged) await this.deps.live.rosterChanged();
  }

  private graph(): RoadGraph {
    const network = this.deps.network();
    if (this.roads?.of !== network) this.roads = { graph: new RoadGraph(network.shapes), of: network };
    return this.roads.graph;
  }

  /** A moto or car; returns whether it went on shift (the live roster changed). */
  private async moveCar(
    v: VehicleRow,
    driverId: string,
    trip: typeof trips.$inferSelect | undefined,
    live: typeof vehicleLive.$inferSelect | undefined,
    now: Date,
    dt: number,
  ): Promise<boolean> {
    const kind = v.kind as 'moto' | 'car';
    let state = this.drivers.get(v.id);
    if (!state) {
      const start = live ?? this.graph().snap(this.randomStop());
      state = { pos: { lat: start.lat, lon: start.lon, heading: 0 }, parkedUntil: 0, seq: 0 };
      this.drivers.set(v.id, state);
    }
    let wentOnShift = false;
    if (v.status === 'off_duty') {
      await this.deps.db.transaction(async (tx) => {
        await openShift(tx, driverId, v.id, now);
        await tx
          .update(vehicles)
          .set({ status: 'available' })
          .where(and(eq(vehicles.id, v.id), eq(vehicles.status, 'off_duty')));
      });
      wentOnShift = true;
    }
    const t = now.getTime();
    const from = state.pos;
    if (trip?.status === 'assigned') {
      if (state.pending?.tripId !== trip.id) {
        const accept = this.random() >= DECLINE_SHARE;
        state.pending = { tripId: trip.id, at: t + this.between(ANSWER_SECONDS) * 1000, accept };
      }
      if (t >= state.pending.at)
        await this.act(driverId, trip.id, state.pending.accept ? 'accept' : 'decline', now);
    } else if (trip?.status === 'accepted') {
      if (this.drive(state, `pickup:${trip.id}`, trip.origin as LatLon, SPEED[kind] * dt)) {
        await this.act(driverId, trip.id, 'arrive', now);
        state.pending = { tripId: trip.id, at: t + this.between(BOARDING_SECONDS) * 1000, accept: true };
      }
    } else if (trip?.status === 'driver_arrived') {
      if (state.pending?.tripId !== trip.id)
        state.pending = { tripId: trip.id, at: t + this.between(BOARDING_SECONDS) * 1000, accept: true };
      if (t >= state.pending.at) await this.act(driverId, trip.id, 'start', now);
    } else if (trip?.status === 'in_progress') {
      if (this.drive(state, `dropoff:${trip.id}`, trip.destination as LatLon, SPEED[kind] * dt)) {
        await this.act(driverId, trip.id, 'complete', now);
        state.leg = undefined;
        state.parkedUntil = t + this.between(PARK_SECONDS) * 1000;
      }
    } else if (t >= state.parkedUntil) {
      // Idle: ride to another stage nearby, slower than with a passenger, then wait there.
      if (!state.leg?.key.startsWith('cruise:')) {
        const goal = this.randomStop(state.pos);
        state.leg = {
          key: `cruise:${++state.seq}`,
          line: polyline(this.graph().route(state.pos, goal)),
          walked: 0,
        };
      }
      if (this.drive(state, state.leg.key, state.leg.line.points.at(-1)!, SPEED[kind] * dt * 0.6)) {
        state.leg = undefined;
        state.parkedUntil = t + this.between(PARK_SECONDS) * 1000;
      }
    }
    // The speed it really made this tick (0 while it waits for an answer, a rider or its next ride).
    const moved = haversine(from.lat, from.lon, state.pos.lat, state.pos.lon);
    await this.report(v, state.pos, now, dt > 0 ? Math.round((moved / dt) * 10) / 10 : 0);
    return wentOnShift;
  }

  /** Advances along the leg named `key` towards `goal` (planned on the roads when the leg is new); true on arrival. */
  private drive(state: Driving, key: string, goal: LatLon, metres: number): boolean {
    if (state.leg?.key !== key)
      state.leg = { key, line: polyline(this.graph().route(state.pos, goal)), walked: 0 };
    state.leg.walked = Math.min(state.leg.line.length, state.leg.walked + metres);
    state.pos = pointAlong(state.leg.line, state.leg.walked);
    return state.leg.walked >= state.leg.line.length;
  }

  private async act(driverId: string, tripId: string, action: DriverTripAction, now: Date): Promise<void> {
    // A simulated driver is paid in cash on the spot, as a motari is.
    const input = driverActionInput.parse({
      id: seededUuid(this.random),
      tripId,
      action,
      at: now.toISOString(),
      ...(action === 'complete' ? { cashCollected: true } : {}),
    });
    try {
      await this.deps.db.transaction((tx) => applyDriverAction(tx, driverId, input, now, this.deps.policy));
    } catch (err) {
      // The rider cancelled, the offer expired meanwhile…: what a person's phone would be told too.
      if (!(err instanceof DomainError)) throw err;
      this.deps.logger.debug({ tripId, action, code: err.code }, 'simulated driver action refused');
    }
    await this.deps.refreshTrip(tripId);
  }

  /** A bus follows one scheduled trip until it ends, then takes another running one; off shift when none runs. */
  private async moveBus(v: VehicleRow, now: Date): Promise<boolean> {
    const network = this.deps.network();
    let state = this.buses.get(v.id);
    if (!state) {
      state = {};
      this.buses.set(v.id, state);
    }
    let pos = state.run ? busPosition(network, state.run, now) : undefined;
    if (!pos) {
      const taken = new Set([...this.buses.values()].flatMap((b) => (b.run ? [runKey(b.run)] : [])));
      const free = runningTrips(network, now).filter((r) => !taken.has(runKey(r)));
      state.run = free.length > 0 ? free[Math.floor(this.random() * free.length)] : undefined;
      pos = state.run ? busPosition(network, state.run, now) : undefined;
    }
    const status = pos ? 'available' : 'off_duty';
    // The trip it runs, as GTFS-Realtime names it: its buses are tracked trips with live predictions.
    const trip =
      pos && state.run
        ? {
            tripId: network.patterns[state.run.pattern]!.tripIds[state.run.trip]!,
            tripStartDate: toServiceTime(now, network.timetable.timezone).date,
            tripStartTime: clockTime(runStart(network, state.run)),
          }
        : { tripId: null, tripStartDate: null, tripStartTime: null };
    const changed =
      v.status !== status ||
      v.tripId !== trip.tripId ||
      v.tripStartDate !== trip.tripStartDate ||
      v.tripStartTime !== trip.tripStartTime;
    if (changed)
      await this.deps.db
        .update(vehicles)
        .set({ status, ...trip })
        .where(eq(vehicles.id, v.id));
    if (pos) await this.report(v, pos, now);
    return changed;
  }

  /** Stores the vehicle's fix like a phone's upload and publishes it on /live. */
  private async report(
    v: VehicleRow,
    pos: LatLon & { heading: number },
    now: Date,
    speed?: number,
  ): Promise<void> {
    const fix = {
      id: `sim-${v.id.slice(0, 8)}:${Math.floor(now.getTime() / 100)}`,
      lat: round6(pos.lat),
      lon: round6(pos.lon),
      recordedAt: now.toISOString(),
      heading: Math.round(pos.heading) % 360,
      ...(speed === undefined ? {} : { speed }),
    };
    const { live } = await ingestPositions(
      this.deps.db,
      v,
      [fix],
      { area: this.deps.area(), retentionDays: this.deps.retentionDays },
      now.getTime(),
    );
    if (live) await this.deps.live.publish(live);
  }

  /** A network stop within the cruising radius of `near` (any stop when there is none, or no `near`). */
  private randomStop(near?: LatLon): LatLon {
    const network = this.deps.network();
    const all = Array.from({ length: network.stopCount }, (_, i) => ({
      lat: network.lat[i]!,
      lon: network.lon[i]!,
    }));
    const close = near
      ? all.filter(
          (s) =>
            Math.hypot((s.lat - near.lat) * 111_000, (s.lon - near.lon) * 111_000) < CRUISE_RADIUS_METRES,
        )
      : all;
    const pool = close.length > 0 ? close : all;
    return pool[Math.floor(this.random() * pool.length)]!;
  }

  private between([lo, hi]: readonly [number, number]): number {
    return lo + this.random() * (hi - lo);
  }
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
