import { pushConfig } from '@kigaligo/domain';
import { apiGet, apiRequest } from '../api-routes';
import type { KigaliClient } from '../kigali-client';
import { firebaseToken } from './firebase-token';

export type PushRegistration =
  | { state: 'registered'; mode: 'sandbox' | 'fcm' }
  | { state: 'denied' }
  | { state: 'unsupported' }
  | { state: 'failed'; message: string };

export interface PushEnvironment {
  storage?: Storage | undefined;
  /** The app's service worker registration (FCM only). */
  serviceWorker?: () => Promise<ServiceWorkerRegistration>;
  requestPermission?: () => Promise<NotificationPermission>;
  /** How the FCM token is had: the Firebase JS SDK (firebase-token.ts) unless a test says otherwise. */
  fcmToken?: typeof firebaseToken;
}

/**
 * A token that stays the same on this device for this app, so registering again (every start) updates the
 * server's row instead of adding devices. Sandbox tokens are never sent anywhere: the outbox records them.
 */
export function sandboxToken(storage: Storage | undefined, role: string): string {
  const key = `kigaligo.${role}.pushToken`;
  const existing = storage?.getItem(key);
  if (existing) return existing;
  const token = `sandbox-web-${crypto.randomUUID()}`;
  storage?.setItem(key, token);
  return token;
}

function browserEnvironment(): PushEnvironment {
  const nav = globalThis.navigator;
  return {
    storage: globalThis.localStorage,
    ...(nav?.serviceWorker ? { serviceWorker: () => nav.serviceWorker.ready } : {}),
    ...(typeof Notification !== 'undefined' && 'PushManager' in globalThis
      ? { requestPermission: () => Notification.requestPermission() }
      : {}),
  };
}

/**
 * Registers this device for the signed-in user's notifications, as the server's `GET /api/push/config` says:
 * sandbox (a stable local token, nothing to ask the user) or FCM web push (permission, then the Firebase JS
 * SDK's token; see firebase-token.ts). The token goes to `POST /api/me/push-tokens`.
 */
export async function registerForPush(
  client: KigaliClient,
  env: PushEnvironment = browserEnvironment(),
): Promise<PushRegistration> {
  try {
    const config = await client.api.request(apiGet('/api/push/config'), { schema: pushConfig });
    let token: string;
    if (config.mode === 'sandbox') {
      token = sandboxToken(env.storage, client.role);
    } else {
      const { apiKey, projectId, appId, messagingSenderId } = config.firebase;
      if (
        !env.serviceWorker ||
        !env.requestPermission ||
        !config.vapidKey ||
        !apiKey ||
        !projectId ||
        !appId ||
        !messagingSenderId
      ) {
        return { state: 'unsupported' };
      }
      if ((await env.requestPermission()) !== 'granted') return { state: 'denied' };
      token = await (env.fcmToken ?? firebaseToken)({
        firebase: config.firebase,
        vapidKey: config.vapidKey,
        registration: await env.serviceWorker(),
        appName: `kigaligo-${client.role}`,
      });
    }
    await client.api.request(apiRequest('post', '/api/me/push-tokens', { body: { token, platform: 'web' } }));
    return { state: 'registered', mode: config.mode };
  } catch (err) {
    return { state: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
}
