import { type AppConfig, appConfig } from '@kigaligo/domain';
import { NETWORK_CACHE } from './network-bundle';

/**
 * The server's public app configuration (`GET /api/config`: which map to draw, which identity provider riders
 * may sign in with), kept on the phone so an
 * offline start draws the same map as the last online one. Asked once per page load; offline, the copy; with
 * no copy (first visit offline) or an answer that is not a valid configuration, nothing configured, which the
 * apps draw as their built-in schematic map.
 */
export const APP_CONFIG_URL = '/api/config';
const NOTHING_CONFIGURED: AppConfig = {
  map: { attribution: '' },
  identityProvider: null,
  card: { provider: 'sandbox' },
};

let pending: Promise<AppConfig> | null = null;

export function fetchAppConfig(): Promise<AppConfig> {
  pending ??= load();
  return pending;
}

async function load(): Promise<AppConfig> {
  const cache = await globalThis.caches?.open(NETWORK_CACHE).catch(() => undefined);
  try {
    const res = await fetch(APP_CONFIG_URL, { cache: 'no-store' });
    if (!res.ok) throw new Error(`${APP_CONFIG_URL}: HTTP ${res.status}`);
    const config = appConfig.parse(await res.json());
    await cache?.put(APP_CONFIG_URL, Response.json(config));
    return config;
  } catch {
    const copy = await cache?.match(APP_CONFIG_URL);
    const parsed = appConfig.safeParse(await copy?.json().catch(() => undefined));
    return parsed.success ? parsed.data : NOTHING_CONFIGURED;
  }
}
