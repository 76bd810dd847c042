/**
 * Third-party origins the web apps call when a provider is configured. One list for the client that calls
 * them and the server's Content-Security-Policy that must allow exactly these (connect-src).
 */
export const fcmWebOrigins = {
  /** Firebase installations: the auth token the FCM registration call needs. */
  installations: 'https://firebaseinstallations.googleapis.com',
  /** FCM registrations: turns a Push API subscription into an FCM registration token. */
  registrations: 'https://fcmregistrations.googleapis.com',
} as const;

/**
 * Stripe.js and what it opens when card payments are configured: its script and the Payment Element's frames
 * (js.stripe.com), its API calls (api.stripe.com) and the 3-D Secure challenge frames (hooks.stripe.com).
 */
export const stripeWebOrigins = {
  js: 'https://js.stripe.com',
  api: 'https://api.stripe.com',
  hooks: 'https://hooks.stripe.com',
} as const;
