import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { pushTokens, trips, users } from '../db/schema';
import { enqueue } from '../outbox/enqueue';
import { type NotificationKind, type NotificationVars, renderNotification } from './messages';

/**
 * Tells a user something by push and/or email, as their preferences say, through the outbox: call it with
 * the transaction that makes the change it announces. `key` names the event (e.g. `trip:<id>:assigned`);
 * the same key twice notifies once.
 */
export async function notifyUser(
  tx: Db,
  userId: string,
  kind: NotificationKind,
  vars: NotificationVars,
  key: string,
  opts: {
    /** `email`: a document to keep (a receipt), not news for the lock screen. */
    channels?: 'push_and_email' | 'email';
    /** What a tap on the push opens: the trip's page (by its booking id, as the rider app names it) or the report's. */
    tripId?: string;
    reportId?: string;
  } = {},
): Promise<void> {
  const channels = opts.channels ?? 'push_and_email';
  const [user] = await tx
    .select({
      email: users.email,
      name: users.name,
      push: users.notifyPush,
      mail: users.notifyEmail,
      language: users.language,
      simulated: users.simulated,
    })
    .from(users)
    .where(eq(users.id, userId));
  // The demo simulation's drivers have no phone and no mailbox: nothing of theirs goes to a provider.
  if (!user || user.simulated) return;
  const message = renderNotification(kind, vars, user.name.split(' ')[0] ?? user.name, user.language);
  const data: Record<string, string> = {
    kind,
    ...Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, String(v)])),
  };
  if (user.push && channels === 'push_and_email') {
    if (opts.tripId) {
      const [trip] = await tx
        .select({ intentId: trips.intentId })
        .from(trips)
        .where(eq(trips.id, opts.tripId));
      if (trip) data.intentId = trip.intentId;
    }
    if (opts.reportId) data.reportId = opts.reportId;
    const tokens = await tx
      .select({ token: pushTokens.token })
      .from(pushTokens)
      .where(eq(pushTokens.userId, userId));
    if (tokens.length > 0) {
      await enqueue(tx, 'push', { tokens: tokens.map((t) => t.token), ...message.push, data }, `${key}:push`);
    }
  }
  if (user.mail) await enqueue(tx, 'email', { to: user.email, ...message.email }, `${key}:email`);
}
