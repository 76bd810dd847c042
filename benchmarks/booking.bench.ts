// `pnpm bench booking [--riders 1000] [--vehicles 200] [--seed 2026]`
// Booking decisions under a burst: every rider books a moto at the same moment against a fleet on shift, on
// real Postgres (each contender on its own fresh database, same riders, same fleet, same pickups). Our decision
// (the BookingDesk behind `POST /api/trips`: the bookings waiting at one moment decided in one transaction,
// free vehicles read once without locks, assigned nearest-first in memory, the chosen ones locked with SKIP
// LOCKED, the partial unique index as the last guard) against the naive baseline written here: one transaction
// that locks the whole vehicles table, picks the nearest free vehicle and assigns it. Both go through a pool of
// the server's size (db/client.ts), so the burst queues for connections exactly as it would in the server.
// Decision latency runs from the burst's start to the booking's commit: what the rider waits for.
import { randomUUID } from 'node:crypto';
import { type BookingIntent, defaultDispatchPolicy, type ServiceArea } from '@kigaligo/domain';
import { haversine, seededRandom } from '@kigaligo/planner';
import {
  BookingDesk,
  type Db,
  hashPassword,
  openDatabase,
  runMigrations,
  SEARCH_RADIUS_METERS,
  shifts,
  sql,
  tripEvents,
  trips,
  users,
  vehicleLive,
  vehicles,
} from '@kigaligo/sync-server/bench';
import { freshDatabase, postgresReachable } from './lib/databases';
import { parseFlags } from './lib/flags';
import { MachineLoad } from './lib/machine';
import { fmt, percentile, table } from './lib/stats';

const flags = parseFlags({ riders: 1000, vehicles: 200, seed: 2026 });
if (flags.riders > 20_000 || flags.vehicles > 5_000) throw new Error('workload over the bounds');
if (!(await postgresReachable())) throw new Error('pnpm bench booking needs Postgres (BENCH_DATABASE_URL)');

const area: ServiceArea = { minLat: -2.1, maxLat: -1.8, minLon: 29.9, maxLon: 30.3 };
const centre = { lat: -1.9536, lon: 30.0605 };
const LIVE = sql`('assigned', 'accepted', 'driver_arrived', 'in_progress')`;

/** A point within `km` of the centre, uniform over the disc (same seed, same city for both contenders). */
function pointNear(random: () => number, km: number) {
  const r = Math.sqrt(random()) * km * 1000;
  const a = random() * 2 * Math.PI;
  return { lat: centre.lat + (r * Math.sin(a)) / 111_320, lon: centre.lon + (r * Math.cos(a)) / 111_320 };
}

interface World {
  riderIds: string[];
  intents: BookingIntent[];
}

/** Riders, drivers on an open shift with a fresh position, their motos: the same for every contender. */
async function seedWorld(db: Db, passwordHash: string): Promise<World> {
  const random = seededRandom(flags.seed);
  const now = new Date();
  const driverIds = Array.from({ length: flags.vehicles }, () => randomUUID());
  const vehicleIds = Array.from({ length: flags.vehicles }, () => randomUUID());
  const riderIds = Array.from({ length: flags.riders }, () => randomUUID());
  const person = (id: string, role: 'rider' | 'driver') => ({
    id,
    email: `bench-${id}@bench.invalid`,
    passwordHash,
    name: `Bench ${role}`,
    role,
  });
  for (let i = 0; i < riderIds.length; i += 1000)
    await db.insert(users).values(riderIds.slice(i, i + 1000).map((id) => person(id, 'rider')));
  await db.insert(users).values(driverIds.map((id) => person(id, 'driver')));
  await db.insert(vehicles).values(
    vehicleIds.map((id, i) => ({
      id,
      kind: 'moto' as const,
      plate: `RB ${String(i).padStart(4, '0')} X`,
      capacity: 1,
      operator: 'Bench',
      status: 'available' as const,
      driverId: driverIds[i]!,
    })),
  );
  await db.insert(shifts).values(vehicleIds.map((vehicleId, i) => ({ vehicleId, driverId: driverIds[i]! })));
  await db
    .insert(vehicleLive)
    .values(vehicleIds.map((vehicleId) => ({ vehicleId, ...pointNear(random, 5), recordedAt: now })));
  const intents = riderIds.map(
    (): BookingIntent => ({
      id: randomUUID(),
      kind: 'moto',
      origin: pointNear(random, 4),
      destination: pointNear(random, 6),
      paymentMethod: 'cash',
      createdAt: now.toISOString(),
    }),
  );
  return { riderIds, intents };
}

/** The baseline: the whole table locked for each decision, so decisions happen strictly one after another. */
async function naiveDecision(db: Db, riderId: string, intent: BookingIntent): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table vehicles in exclusive mode`);
    const free = await tx.execute<{ id: string; driver_id: string; lat: number; lon: number }>(
      sql`select v.id, v.driver_id, l.lat, l.lon from vehicles v join vehicle_live l on l.vehicle_id = v.id
          where v.kind = 'moto' and v.status = 'available' and v.driver_id is not null`,
    );
    const rows = (Array.isArray(free) ? free : (free as { rows: typeof free }).rows) as unknown as {
      id: string;
      driver_id: string;
      lat: number;
      lon: number;
    }[];
    let best: (typeof rows)[number] | undefined;
    let bestM = SEARCH_RADIUS_METERS;
    for (const v of rows) {
      const m = haversine(intent.origin.lat, intent.origin.lon, v.lat, v.lon);
      if (m <= bestM) [best, bestM] = [v, m];
    }
    const [trip] = await tx
      .insert(trips)
      .values({
        riderId,
        kind: 'moto',
        status: best ? 'assigned' : 'rejected',
        rejectReason: best ? null : 'no_vehicle_available',
        origin: intent.origin,
        destination: intent.destination,
        fareAmount: 0,
        intentId: intent.id,
        paymentMethod: 'cash',
        distanceMeters: 0,
        departAt: new Date(intent.createdAt),
        vehicleId: best?.id ?? null,
        driverId: best?.driver_id ?? null,
      })
      .returning({ id: trips.id, status: trips.status });
    await tx.insert(tripEvents).values({ tripId: trip!.id, actorId: riderId, toStatus: trip!.status });
    if (best) await tx.execute(sql`update vehicles set status = 'on_trip' where id = ${best.id}`);
    return best !== undefined;
  });
}

interface Outcome {
  name: string;
  seconds: number;
  latencies: number[];
  assigned: number;
  rejected: number;
  errors: string[];
  doubleVehicles: number;
  doubleDrivers: number;
  /** Riders turned down while a vehicle within the search radius of their pickup was still free at the end. */
  missed: number;
}

async function count(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  const result = await db.execute<{ n: number }>(query);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
  return Number(rows[0]?.n ?? 0);
}

type Decide = (riderId: string, intent: BookingIntent) => Promise<boolean>;

async function run(name: string, contender: (db: Db) => Decide) {
  const fresh = await freshDatabase('kigaligo_bench_booking');
  const database = await openDatabase({ databaseUrl: fresh.url, dataDir: 'memory://' });
  try {
    await runMigrations(database);
    const { db } = database;
    const world = await seedWorld(db, await hashPassword('bench-password-not-used'));
    const decide = contender(db);
    const latencies: number[] = [];
    const errors: string[] = [];
    let assigned = 0;
    const t0 = performance.now();
    await Promise.all(
      world.intents.map(async (intent, i) => {
        try {
          if (await decide(world.riderIds[i]!, intent)) assigned++;
          latencies.push(performance.now() - t0);
        } catch (err) {
          errors.push(String(err));
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const doubleVehicles = await count(
      db,
      sql`select count(*) as n from (select vehicle_id from trips where status in ${LIVE}
          group by vehicle_id having count(*) > 1) d`,
    );
    const doubleDrivers = await count(
      db,
      sql`select count(*) as n from (select driver_id from trips where status in ${LIVE}
          group by driver_id having count(*) > 1) d`,
    );
    const missed = await count(
      db,
      sql`select count(*) as n from trips t where t.status = 'rejected' and exists (
            select 1 from vehicles v join vehicle_live l on l.vehicle_id = v.id
            where v.status = 'available' and 6371000 * 2 * asin(sqrt(
              power(sin(radians(l.lat - (t.origin->>'lat')::float) / 2), 2) +
              cos(radians((t.origin->>'lat')::float)) * cos(radians(l.lat)) *
              power(sin(radians(l.lon - (t.origin->>'lon')::float) / 2), 2))) <= ${SEARCH_RADIUS_METERS})`,
    );
    return {
      name,
      seconds,
      latencies,
      assigned,
      rejected: latencies.length - assigned,
      errors,
      doubleVehicles,
      doubleDrivers,
      missed,
    } satisfies Outcome;
  } finally {
    await database.close();
    await fresh.drop();
  }
}

const load = new MachineLoad();
console.log(
  `Booking benchmark (${new Date().toISOString()}, Node ${process.version}): ${flags.riders} riders at once, ` +
    `${flags.vehicles} motos on shift, the server's pool of 20 connections, seed ${flags.seed}`,
);
const ours = await run('KigaliGo booking desk', (db) => {
  const desk = new BookingDesk(db, defaultDispatchPolicy, () => area);
  return async (riderId, intent) => (await desk.book(riderId, intent)).status === 'assigned';
});
const naive = await run(
  'baseline: table lock, nearest',
  (db) => (riderId, intent) => naiveDecision(db, riderId, intent),
);
load.finish();

const rows = [ours, naive].map((o) => [
  o.name,
  fmt(o.latencies.length / o.seconds, 0),
  fmt(percentile(o.latencies, 50), 0),
  fmt(percentile(o.latencies, 99), 0),
  String(o.assigned),
  String(o.rejected),
  String(o.missed),
  String(o.errors.length),
  `${o.doubleVehicles} / ${o.doubleDrivers}`,
]);
console.log(
  `\n${table([
    [
      'contender',
      'decisions/s',
      'p50 ms',
      'p99 ms',
      'assigned',
      'turned down',
      'turned down, vehicle free in radius',
      'errors',
      'double vehicle / driver',
    ],
    ...rows,
  ])}`,
);
for (const o of [ours, naive]) if (o.errors.length) console.log(`${o.name} first error: ${o.errors[0]}`);
const speedUp = ours.latencies.length / ours.seconds / (naive.latencies.length / naive.seconds);
console.log(`\n${load.describe()}`);
console.log(`decisions/s ≥ 3× baseline: ${fmt(speedUp, 2)}× — ${load.verdict(speedUp >= 3)}`);
console.log(
  `p99 decision latency < 250 ms: ${fmt(percentile(ours.latencies, 99), 0)} ms — ${load.verdict(percentile(ours.latencies, 99) < 250)}`,
);
console.log(
  `no double assignment (from the database): ${ours.doubleVehicles + ours.doubleDrivers === 0 ? 'none' : 'FOUND'}`,
);
