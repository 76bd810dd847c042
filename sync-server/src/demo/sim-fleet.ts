import type { VehicleInput } from '@kigaligo/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users, vehicles } from '../db/schema';

/**
 * The demo simulation's own drivers and vehicles, marked `simulated` in the database. Their accounts cannot be
 * signed into (no password), they have no push token and notify-user sends them nothing.
 * The manual demo driver (driver@demo.kigaligo.rw) is not among them: the simulation never drives a person.
 */
export const simDrivers = [
  { name: 'Eric Niyonzima', phone: '+250788200001', vehicle: { kind: 'moto', plate: 'RD 301 S' } },
  { name: 'Patrick Mugisha', phone: '+250788200002', vehicle: { kind: 'moto', plate: 'RD 302 S' } },
  { name: 'Claude Habyarimana', phone: '+250788200003', vehicle: { kind: 'moto', plate: 'RD 303 S' } },
  { name: 'Emmanuel Nshimiyimana', phone: '+250788200004', vehicle: { kind: 'moto', plate: 'RD 304 S' } },
  { name: 'Olivier Ndayisaba', phone: '+250788200005', vehicle: { kind: 'car', plate: 'RAD 305 S' } },
  { name: 'Grace Uwimana', phone: '+250788200006', vehicle: { kind: 'car', plate: 'RAD 306 S' } },
] as const;

/** Buses that run the network's scheduled trips; no driver account (no one books a bus). */
export const simBusPlates = ['RAB 601 S', 'RAB 602 S', 'RAB 603 S', 'RAB 604 S', 'RAB 605 S', 'RAB 606 S'];

const NO_SIGN_IN = 'simulated:no-sign-in';

const simEmail = (i: number) => `sim-driver-${i + 1}@demo.kigaligo.rw`;

function vehicleOf(input: Pick<VehicleInput, 'kind' | 'plate'>): VehicleInput {
  const capacity = { moto: 1, car: 4, bus: 70 }[input.kind];
  const operator = {
    moto: 'Independent motari (simulated)',
    car: 'Kigali Cab Co-op (simulated)',
    bus: 'Kigali Bus Services (simulated)',
  }[input.kind];
  return { ...input, capacity, operator };
}

/** Creates what is missing of the simulated fleet (idempotent: plates and emails are unique). */
export async function ensureSimFleet(db: Db): Promise<void> {
  for (const [i, d] of simDrivers.entries()) {
    const email = simEmail(i);
    // No password: a hash in no known scheme, which verifyPassword refuses for every password.
    await db
      .insert(users)
      .values({
        email,
        passwordHash: NO_SIGN_IN,
        name: d.name,
        phone: d.phone,
        role: 'driver',
        simulated: true,
      })
      .onConflictDoNothing({ target: users.email });
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!user) continue;
    await db
      .insert(vehicles)
      .values({ ...vehicleOf(d.vehicle), driverId: user.id, simulated: true })
      .onConflictDoNothing({ target: vehicles.plate });
  }
  for (const plate of simBusPlates) {
    await db
      .insert(vehicles)
      .values({ ...vehicleOf({ kind: 'bus', plate }), simulated: true })
      .onConflictDoNothing({ target: vehicles.plate });
  }
}
