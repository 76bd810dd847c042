// Imported by the rider app's service worker (workbox importScripts). FCM web push arrives as a Web Push
// message whose data is FCM's JSON ({notification: {title, body}, data}). The page registers with the Firebase
// JS SDK (packages/client/src/push/firebase-token.ts) on this service worker, which is the app's own (offline
// precache, map tiles), so it shows what arrives itself rather than through Firebase's service-worker SDK.
// Sandbox mode never sends anything here.
self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = { notification: { body: event.data ? event.data.text() : '' } };
  }
  const n = message.notification || {};
  const data = message.data || {};
  const title = n.title || data.title || 'KigaliGo';
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((list) => {
      // The app is in front: hand the message to it as Firebase's service worker does, so the page's
      // `onMessage` shows it in the app instead of on the lock screen.
      const front = list.filter((c) => c.url.startsWith(self.registration.scope) && c.focused);
      if (front.length > 0) {
        for (const c of front)
          c.postMessage({ ...message, isFirebaseMessaging: true, messageType: 'push-received' });
        return;
      }
      return self.registration.showNotification(title, {
        body: n.body || data.body || '',
        icon: 'icons/icon-192.png',
        badge: 'icons/favicon-32.png',
        tag: data.intentId || data.reportId || data.kind || undefined,
        data,
      });
    }),
  );
});

// A tap opens (or focuses) the app on what the notification is about: the trip (by its booking id, as the
// rider app's routes name it) or the safety report; anything else opens the home screen.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data || {};
  const path = data.intentId
    ? `./#/trips/${data.intentId}`
    : data.reportId
      ? `./#/safety/${data.reportId}`
      : './';
  const url = new URL(path, self.registration.scope).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((list) => {
      for (const c of list)
        if (c.url.startsWith(self.registration.scope) && 'focus' in c)
          return c.navigate(url).then((w) => w?.focus());
      return self.clients.openWindow(url);
    }),
  );
});
