import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import type { PaymentProvider } from './providers/types';

/**
 * The payer's customer at a provider that keeps one (Stripe), made at their first card payment and kept on the
 * user: their saved cards live there. The provider's create is idempotent by the payer's id, so two first
 * payments at once make one customer; the first to store it wins and both read it back.
 */
export async function payerCustomer(
  db: Db,
  provider: Pick<PaymentProvider, 'createCustomer'>,
  payerId: string,
): Promise<string | undefined> {
  if (!provider.createCustomer) return undefined;
  const [payer] = await db
    .select({ id: users.id, email: users.email, name: users.name, customer: users.stripeCustomerId })
    .from(users)
    .where(eq(users.id, payerId));
  if (!payer) return undefined;
  if (payer.customer) return payer.customer;
  const created = await provider.createCustomer(payer);
  await db
    .update(users)
    .set({ stripeCustomerId: created })
    .where(and(eq(users.id, payerId), isNull(users.stripeCustomerId)));
  const [stored] = await db
    .select({ customer: users.stripeCustomerId })
    .from(users)
    .where(eq(users.id, payerId));
  return stored?.customer ?? created;
}
