/** A push that arrived while the app was in front: the server's texts (in the user's language) and its data. */
export interface ForegroundPush {
  title: string;
  body: string;
  /** `kind`, and what it is about: `intentId` (a trip, by its booking id) or `reportId`. */
  data: Record<string, string>;
}

type Listener = (push: ForegroundPush) => void;
const listeners = new Set<Listener>();

/** Called for each push Firebase hands the page (`onMessage`) instead of the lock screen. */
export function onForegroundPush(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Firebase's foreground message, as the app shows it. */
export function deliverForegroundPush(payload: {
  notification?: { title?: string; body?: string } | undefined;
  data?: Record<string, string> | undefined;
}): void {
  const data = payload.data ?? {};
  const push = {
    title: payload.notification?.title ?? data.title ?? 'KigaliGo',
    body: payload.notification?.body ?? data.body ?? '',
    data,
  };
  for (const l of listeners) l(push);
}
