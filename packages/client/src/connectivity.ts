/**
 * Whether the API is reachable. `navigator.onLine` alone lies (captive portals, a dead server, a phone on Wi-Fi
 * with no uplink), so a failed fetch also counts as offline until a health probe or a request succeeds again.
 */
export interface Connectivity {
  isOnline(): boolean;
  reportFailure(): void;
  reportSuccess(): void;
  subscribe(listener: () => void): () => void;
}

export interface ConnectivityOptions {
  /** Resolves true when the server answers; called every `probeMs` while a failure is outstanding. */
  probe?: () => Promise<boolean>;
  probeMs?: number;
}

export function createConnectivity({ probe, probeMs = 15_000 }: ConnectivityOptions = {}): Connectivity {
  const listeners = new Set<() => void>();
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  let browserOnline = nav?.onLine ?? true;
  let reachable = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = browserOnline && reachable;

  const notify = () => {
    const now = browserOnline && reachable;
    if (now === last) return;
    last = now;
    for (const l of listeners) l();
  };
  const scheduleProbe = () => {
    if (!probe || timer) return;
    timer = setTimeout(async () => {
      timer = undefined;
      if (reachable || !browserOnline) return;
      const ok = await probe().catch(() => false);
      if (ok) connectivity.reportSuccess();
      else scheduleProbe();
    }, probeMs);
  };

  if (typeof window !== 'undefined') {
    window.addEventListener('online', () => {
      browserOnline = true;
      // Trust the event until the next request says otherwise; a stale failure should not stick.
      reachable = true;
      notify();
    });
    window.addEventListener('offline', () => {
      browserOnline = false;
      notify();
    });
  }

  const connectivity: Connectivity = {
    isOnline: () => browserOnline && reachable,
    reportFailure() {
      reachable = false;
      notify();
      scheduleProbe();
    },
    reportSuccess() {
      reachable = true;
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return connectivity;
}
