/**
 * FCM web registration without the Firebase JS SDK. The SDK's `getToken()` does three things, and so does
 * this (~70 lines instead of a ~100 KiB dependency that would also want its own service worker):
 *  1. a Push API subscription with the project's VAPID key (the browser's push service);
 *  2. a Firebase installation (`POST firebaseinstallations.googleapis.com/v1/projects/<id>/installations`)
 *     for the auth token that the registration call needs;
 *  3. `POST fcmregistrations.googleapis.com/v1/projects/<id>/registrations` with the subscription, which
 *     answers the FCM registration token that firebase-admin sends to.
 * Nothing here is needed to build the app; it runs only when the server says FCM is configured.
 */

import { fcmWebOrigins } from '@kigaligo/domain';

export interface FirebaseWebConfig {
  apiKey: string;
  projectId: string;
  appId: string;
}

const INSTALLATIONS = `${fcmWebOrigins.installations}/v1`;
const REGISTRATIONS = `${fcmWebOrigins.registrations}/v1`;
/** The installations protocol version the Firebase SDK speaks (its INTERNAL_AUTH_VERSION). */
const AUTH_VERSION = 'FIS_v2';

export function base64UrlEncode(bytes: ArrayBuffer | Uint8Array): string {
  const arr = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = '';
  for (const b of arr) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64UrlDecode(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/** A Firebase installation id: 22 base64url characters whose first four bits are 0111 (the SDK's format). */
export function generateFid(random: (a: Uint8Array) => void = (a) => crypto.getRandomValues(a)): string {
  const bytes = new Uint8Array(17);
  random(bytes);
  bytes[0] = 0b0111_0000 + (bytes[0]! % 0b0001_0000);
  return base64UrlEncode(bytes).slice(0, 22);
}

/** The registration request body for one push subscription, as the registrations API expects it. */
export function registrationBody(sub: { endpoint: string; p256dh: string; auth: string }, vapidKey: string) {
  return { web: { endpoint: sub.endpoint, p256dh: sub.p256dh, auth: sub.auth, applicationPubKey: vapidKey } };
}

async function json(res: Response, what: string): Promise<Record<string, unknown>> {
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    const message = (body.error as { message?: string } | undefined)?.message ?? `HTTP ${res.status}`;
    throw new Error(`${what}: ${message}`);
  }
  return body;
}

/** Registers this browser's push subscription with FCM and returns the FCM registration token. */
export async function fcmWebToken(opts: {
  config: FirebaseWebConfig;
  vapidKey: string;
  registration: ServiceWorkerRegistration;
  fid: string;
  fetch?: typeof fetch;
}): Promise<string> {
  const doFetch = opts.fetch ?? ((i: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(i, init));
  const { apiKey, projectId, appId } = opts.config;
  const sub =
    (await opts.registration.pushManager.getSubscription()) ??
    (await opts.registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: base64UrlDecode(opts.vapidKey),
    }));
  const p256dh = sub.getKey('p256dh');
  const auth = sub.getKey('auth');
  if (!p256dh || !auth) throw new Error('The push subscription has no encryption keys');

  const headers = {
    'content-type': 'application/json',
    accept: 'application/json',
    'x-goog-api-key': apiKey,
  };
  const installation = await json(
    await doFetch(`${INSTALLATIONS}/projects/${projectId}/installations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ fid: opts.fid, authVersion: AUTH_VERSION, appId, sdkVersion: 'w:kigaligo' }),
    }),
    'Firebase installation',
  );
  const authToken = (installation.authToken as { token?: string } | undefined)?.token;
  if (!authToken) throw new Error('Firebase installation: no auth token');
  const registered = await json(
    await doFetch(`${REGISTRATIONS}/projects/${projectId}/registrations`, {
      method: 'POST',
      headers: { ...headers, 'x-goog-firebase-installations-auth': `FIS ${authToken}` },
      body: JSON.stringify(
        registrationBody(
          { endpoint: sub.endpoint, p256dh: base64UrlEncode(p256dh), auth: base64UrlEncode(auth) },
          opts.vapidKey,
        ),
      ),
    }),
    'FCM registration',
  );
  if (typeof registered.token !== 'string') throw new Error('FCM registration: no token');
  return registered.token;
}
