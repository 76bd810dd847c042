import { deliverForegroundPush } from './foreground-push';

/** Firebase apps whose foreground messages are already passed on (one `onMessage` each). */
const listening = new Set<string>();

/**
 * The FCM registration token of this browser through the Firebase JS SDK (`firebase/messaging`), loaded on
 * first use so it is in no app's first paint. `getToken` subscribes the app's own service worker to push with
 * the project's VAPID key, registers the subscription with Firebase (installations, then FCM registrations:
 * the origins the CSP allows when FCM is configured), keeps it in IndexedDB and refreshes it when it ages or
 * the subscription changes. In the background the service worker shows what arrives (public/push-handler.js);
 * with the app in front it hands the message to the page, and `onMessage` passes it to `onForegroundPush`.
 */
export async function firebaseToken(opts: {
  /** The Firebase web app's configuration (apiKey, projectId, appId, messagingSenderId). */
  firebase: Record<string, string>;
  vapidKey: string;
  registration: ServiceWorkerRegistration;
  /** One Firebase app per KigaliGo app on this origin: their tokens are their own. */
  appName: string;
}): Promise<string> {
  const [{ getApps, initializeApp }, { getMessaging, getToken, onMessage }] = await Promise.all([
    import('firebase/app'),
    import('firebase/messaging'),
  ]);
  const app = getApps().find((a) => a.name === opts.appName) ?? initializeApp(opts.firebase, opts.appName);
  const messaging = getMessaging(app);
  const token = await getToken(messaging, {
    vapidKey: opts.vapidKey,
    serviceWorkerRegistration: opts.registration,
  });
  if (!listening.has(opts.appName)) {
    listening.add(opts.appName);
    onMessage(messaging, deliverForegroundPush);
  }
  return token;
}
