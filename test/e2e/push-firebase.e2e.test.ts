import { createECDH } from 'node:crypto';
import type { Browser, BrowserContext, Route, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushTokens, users } from '../../sync-server/src/db/schema';
import { testServiceAccount } from '../../sync-server/src/notifications/test-support/fake-fcm';
import { hasChromium, launchBrowser, openPage, signIn, startTestServer, type TestServer } from './harness';
import { newRider } from './sync-helpers';

// Issue 19: with FCM configured, the rider app registers for web push through the Firebase JS SDK
// (firebase/messaging), shows a push that arrives with the app in front in the app (onMessage) and lets the
// service worker show the others. Chromium's own push service is Google's and out of reach here, so the page's
// PushManager hands out a subscription made in the page; everything the SDK sends to Google is answered at the
// network layer as Google's endpoints answer it, and checked.

const firebase = {
  apiKey: 'AIzaSyE2E-KigaliGo-test-key',
  projectId: 'kigaligo-e2e',
  appId: '1:1234567890:web:0a1b2c3d4e5f',
  messagingSenderId: '1234567890',
};
const vapidKey = createECDH('prime256v1').generateKeys().toString('base64url');

/** A push subscription as the browser's push service would give one (keys as the Push API shapes them). */
function fakePushService() {
  const key = (n: number, fill: number) => new Uint8Array(n).fill(fill).buffer;
  let current: unknown = null;
  const subscription = {
    endpoint: 'https://fcm.googleapis.com/fcm/send/e2e-subscription',
    expirationTime: null,
    options: { userVisibleOnly: true, applicationServerKey: null },
    getKey: (name: string) => (name === 'auth' ? key(16, 7) : key(65, 4)),
    toJSON: () => ({ endpoint: subscription.endpoint, keys: {} }),
    unsubscribe: async () => {
      current = null;
      return true;
    },
  };
  PushManager.prototype.subscribe = async () => {
    current = subscription;
    return subscription as unknown as PushSubscription;
  };
  PushManager.prototype.getSubscription = async () => current as PushSubscription | null;
  PushManager.prototype.permissionState = async () => 'granted';
}

interface GoogleCall {
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** Answers firebaseinstallations and fcmregistrations as Google does; any other Google host is refused. */
async function routeGoogle(context: BrowserContext) {
  const calls: GoogleCall[] = [];
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': '*',
    'access-control-allow-methods': 'POST, GET, DELETE',
  };
  const answer = (route: Route, status: number, body: unknown) =>
    route.fulfill({ status, contentType: 'application/json', headers: cors, body: JSON.stringify(body) });
  await context.route(/googleapis\.com/, async (route) => {
    const req = route.request();
    if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const url = new URL(req.url());
    const body = JSON.parse(req.postData() ?? '{}') as Record<string, unknown>;
    calls.push({ url: `${url.origin}${url.pathname}`, headers: await req.allHeaders(), body });
    if (
      url.href ===
      `https://firebaseinstallations.googleapis.com/v1/projects/${firebase.projectId}/installations`
    ) {
      return answer(route, 200, {
        name: `projects/${firebase.projectId}/installations/${body.fid}`,
        fid: body.fid,
        refreshToken: 'e2e-refresh-token',
        authToken: { token: 'e2e-installation-auth', expiresIn: '604800s' },
      });
    }
    if (
      url.href === `https://fcmregistrations.googleapis.com/v1/projects/${firebase.projectId}/registrations`
    ) {
      return answer(route, 200, { token: 'fcm-e2e-registration-token', ...body });
    }
    return answer(route, 404, { error: { code: 404, message: `not answered here: ${url.href}` } });
  });
  return calls;
}

describe.skipIf(!hasChromium)('web push registration through the Firebase JS SDK', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer(undefined, {
        push: {
          fcmServiceAccount: testServiceAccount(firebase.projectId),
          fcmWebConfig: firebase,
          fcmVapidKey: vapidKey,
        },
      }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('registers with Firebase, sends the FCM token to the server, and shows pushes in the app or as notifications', async () => {
    const rider = await newRider(server.url);
    const tab = await openPage(browser);
    await tab.context.grantPermissions(['notifications'], { origin: server.url });
    await tab.context.addInitScript(fakePushService);
    const calls = await routeGoogle(tab.context);
    const r = tab.page;
    await r.goto(`${server.url}/`);
    await signIn(r, rider.email, rider.password);
    await r
      .getByTestId('push-state')
      .and(r.locator('[data-state="registered"]'))
      .waitFor({ timeout: 30_000 });

    // The SDK's two calls, as Firebase's endpoints expect them.
    const [install, register, ...others] = calls;
    expect(others.map((c) => c.url)).toEqual([]);
    expect(install).toMatchObject({
      url: `https://firebaseinstallations.googleapis.com/v1/projects/${firebase.projectId}/installations`,
      headers: { 'x-goog-api-key': firebase.apiKey },
      body: { appId: firebase.appId, authVersion: 'FIS_v2', fid: expect.stringMatching(/^[cdef][\w-]{21}$/) },
    });
    expect(register).toMatchObject({
      url: `https://fcmregistrations.googleapis.com/v1/projects/${firebase.projectId}/registrations`,
      headers: {
        'x-goog-api-key': firebase.apiKey,
        'x-goog-firebase-installations-auth': 'FIS e2e-installation-auth',
      },
      body: {
        web: {
          endpoint: 'https://fcm.googleapis.com/fcm/send/e2e-subscription',
          applicationPubKey: vapidKey,
          auth: Buffer.from(new Uint8Array(16).fill(7)).toString('base64url'),
          p256dh: Buffer.from(new Uint8Array(65).fill(4)).toString('base64url'),
        },
      },
    });

    // The token Firebase answered is the device's row on the server, for firebase-admin to send to.
    const db = server.db();
    const user = (await db.select().from(users)).find((u) => u.email === rider.email);
    const tokens = (await db.select().from(pushTokens)).filter((t) => t.userId === user?.id);
    expect(tokens.map((t) => t.token)).toEqual(['fcm-e2e-registration-token']);

    // A reload registers again from the SDK's own store: no new installation, the same token.
    await r.reload();
    await r
      .getByTestId('push-state')
      .and(r.locator('[data-state="registered"]'))
      .waitFor({ timeout: 30_000 });
    expect(calls.filter((c) => c.url.endsWith('/installations'))).toHaveLength(1);

    // A push as FCM delivers it to the service worker (DevTools' push delivery stands for Google's push
    // service), with the app in front: the page's onMessage shows it in the app, and Open goes to the trip.
    const cdp = await tab.context.newCDPSession(r);
    const registrations: { registrationId: string; scopeURL: string }[] = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => registrations.push(...e.registrations));
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => registrations.find((g) => g.scopeURL === `${server.url}/`)).toBeDefined();
    const registrationId = registrations.find((g) => g.scopeURL === `${server.url}/`)!.registrationId;
    const intentId = crypto.randomUUID();
    await r.bringToFront();
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: `${server.url}/`,
      registrationId,
      data: JSON.stringify({
        from: firebase.messagingSenderId,
        notification: {
          title: 'Your ride is confirmed',
          body: 'Jean Bosco is coming on RD 412 K, about 3 min away.',
        },
        data: { kind: 'trip_assigned', intentId },
      }),
    });
    const banner = r.getByTestId('foreground-push');
    await banner.getByText('Your ride is confirmed').waitFor();
    await banner.getByText('Jean Bosco is coming on RD 412 K').waitFor();
    expect(await banner.getByRole('link', { name: 'Open' }).getAttribute('href')).toBe(`#/trips/${intentId}`);
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await banner.waitFor({ state: 'detached' });
    // Shown in the app, so not on the lock screen as well.
    const isAppWorker = (w: Worker) => w.url() === `${server.url}/sw.js`;
    // Playwright may not have attached to the worker yet: wait for it rather than read an empty list.
    const worker =
      tab.context.serviceWorkers().find(isAppWorker) ??
      (await tab.context.waitForEvent('serviceworker', { predicate: isAppWorker }));
    const shown = () =>
      worker.evaluate(async () => {
        // In the service worker: its registration's notifications on the lock screen.
        const scope = self as unknown as { registration: ServiceWorkerRegistration };
        const list = await scope.registration.getNotifications();
        return list.map((n) => ({ title: n.title, data: n.data as unknown }));
      });
    expect(await shown()).toEqual([]);

    // With the app closed, the service worker shows it as a notification, with what a tap opens.
    const other = await tab.context.newPage();
    const devtools = await tab.context.newCDPSession(other);
    await devtools.send('ServiceWorker.enable');
    await r.close();
    await devtools.send('ServiceWorker.deliverPushMessage', {
      origin: `${server.url}/`,
      registrationId,
      data: JSON.stringify({
        notification: { title: 'Your driver is here', body: 'Jean Bosco has arrived at the pickup.' },
        data: { kind: 'driver_arriving', intentId },
      }),
    });
    await expect
      .poll(shown)
      .toEqual([{ title: 'Your driver is here', data: { kind: 'driver_arriving', intentId } }]);
    await tab.context.close();
  });
});
