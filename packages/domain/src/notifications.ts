import { z } from 'zod';
import { text } from './text';

/** Where a device receives push: `web` (FCM web push through the service worker), or a native FCM client. */
export const pushPlatforms = ['web', 'android', 'ios'] as const;
export const pushPlatform = z.enum(pushPlatforms);

/** `POST /api/me/push-tokens`: an FCM registration token (or a sandbox token when FCM is not configured). */
/** An FCM registration token: opaque, so never trimmed or altered beyond what storing it needs. */
export const pushToken = text({ min: 8, max: 4096, trim: false });

export const pushTokenInput = z.object({
  token: pushToken,
  platform: pushPlatform,
});
export type PushTokenInput = z.infer<typeof pushTokenInput>;

/** How a user wants trip and payment news: each channel on or off (`GET|PUT /api/me/notification-preferences`). */
export const notificationPreferences = z.object({ push: z.boolean(), email: z.boolean() });
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

/**
 * `GET /api/push/config`: what a web app needs to register for push. With FCM configured, the Firebase web
 * app config and the VAPID key for `getToken`; without it, sandbox mode (the app registers a local token and
 * the outbox records what would have been pushed).
 */
export const pushConfig = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('fcm'),
    firebase: z.record(z.string(), z.string()),
    vapidKey: z.string().nullable(),
  }),
  z.object({ mode: z.literal('sandbox') }),
]);
export type PushConfig = z.infer<typeof pushConfig>;
