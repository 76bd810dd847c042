import { fcmWebOrigins, type MapConfig, stripeWebOrigins } from '@kigaligo/domain';
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** What decides which third-party origins the apps' Content-Security-Policy allows. */
export interface CspProviders {
  /** The configured map (MAP_STYLE_URL, MAP_PMTILES_URL): the apps fetch the style and tiles from there. */
  map?: MapConfig | undefined;
  /** FCM web push configured: the apps call Firebase installations and FCM registrations. */
  fcm: boolean;
  /** Stripe configured (STRIPE_SECRET_KEY + STRIPE_PUBLISHABLE_KEY): the rider pays in Stripe.js's frames. */
  stripe?: boolean | undefined;
}

export type AppName = 'rider' | 'driver' | 'admin';

/**
 * Origins the configured map is fetched from. A style's own tiles, glyphs and sprites must be on one of these
 * (or ours): the CSP cannot know what a remote style will name.
 */
export function mapOrigins(map: MapConfig | undefined): string[] {
  const urls = [map?.styleUrl, map?.pmtilesUrl].filter((u) => u !== undefined);
  return [...new Set(urls.map((u) => new URL(u).origin))];
}

/** HTTPS as the client sees it: the request's own scheme, or the load balancer's word when trusted. */
export function servedOverHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return trustProxy && forwarded === 'https';
}

// A year; no includeSubDomains: the deployer's other hosts are not ours to pin.
const HSTS = 'max-age=31536000';

/** Picks the HTTPS or plain-HTTP variant per request (HSTS and upgrade-insecure-requests only over HTTPS). */
function perScheme(build: (https: boolean) => MiddlewareHandler, trustProxy: boolean): MiddlewareHandler {
  const plain = build(false);
  const secure = build(true);
  return (c, next) => (servedOverHttps(c, trustProxy) ? secure : plain)(c, next);
}

/**
 * Headers of the three PWAs' files (HTML, scripts, workers): a CSP of the app's own origin plus exactly the
 * providers configured, no framing, and geolocation only in the apps that locate the user (rider: "locate
 * me" and report location; driver: GPS tracking). `blob:` workers are MapLibre's; `blob:` images and media
 * are evidence previews; `data:` images are MapLibre's control icons.
 */
export function appHeaders(app: AppName, providers: CspProviders, trustProxy: boolean): MiddlewareHandler {
  const tiles = mapOrigins(providers.map);
  const fcm = providers.fcm ? [fcmWebOrigins.installations, fcmWebOrigins.registrations] : [];
  // Only the rider pays; Stripe.js's script, its frames (Payment Element, 3-D Secure) and its API calls.
  const stripe = providers.stripe && app === 'rider';
  const stripeScripts = stripe ? [stripeWebOrigins.js] : [];
  const stripeFrames = stripe ? [stripeWebOrigins.js, stripeWebOrigins.hooks] : [];
  const stripeApi = stripe ? [stripeWebOrigins.api] : [];
  return perScheme(
    (https) =>
      secureHeaders({
        contentSecurityPolicy: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", ...stripeScripts],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:', ...tiles],
          fontSrc: ["'self'"],
          connectSrc: ["'self'", ...tiles, ...fcm, ...stripeApi],
          workerSrc: ["'self'", 'blob:'],
          mediaSrc: ["'self'", 'blob:'],
          manifestSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameSrc: stripeFrames.length > 0 ? stripeFrames : ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(https ? { upgradeInsecureRequests: [] } : {}),
        },
        xFrameOptions: 'DENY',
        // The origin only, and only over HTTPS: tile servers may check it, paths stay private.
        referrerPolicy: 'strict-origin',
        strictTransportSecurity: https ? HSTS : false,
        permissionsPolicy: {
          geolocation: app === 'admin' ? [] : ['self'],
          camera: app === 'admin' ? [] : ['self'],
          microphone: [],
          payment: [],
          usb: [],
        },
      }),
    trustProxy,
  );
}

/**
 * Headers of every other answer (the API, JSON 404s): never cached (they carry personal data and tokens),
 * never sniffed, never framed. Headers a handler set itself are kept.
 */
export function apiHeaders(trustProxy: boolean): MiddlewareHandler {
  const headers = perScheme(
    (https) =>
      secureHeaders({
        contentSecurityPolicy: { frameAncestors: ["'none'"] },
        xFrameOptions: 'DENY',
        strictTransportSecurity: https ? HSTS : false,
        overwrite: false,
      }),
    trustProxy,
  );
  return async (c, next) => {
    await headers(c, next);
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  };
}
