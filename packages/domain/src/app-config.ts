import { z } from 'zod';

/** An absolute http(s) URL: the apps fetch it from the browser, so nothing else would work. */
const httpUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.hostname });

/**
 * The map the server is configured with (MAP_STYLE_URL, MAP_PMTILES_URL, MAP_ATTRIBUTION). With no style the
 * apps draw their built-in schematic, which needs nothing from the network.
 */
export const mapConfig = z.object({
  /** A MapLibre style JSON to draw under the transit lines instead of the built-in schematic. */
  styleUrl: httpUrl.optional(),
  /** A PMTiles vector archive (e.g. an OpenStreetMap extract in the Protomaps basemap schema). */
  pmtilesUrl: httpUrl.optional(),
  /** Credit the map's sources require, shown on the map; empty when nothing needs crediting. */
  attribution: z.string().max(500),
});
export type MapConfig = z.infer<typeof mapConfig>;

/**
 * How riders pay by card: through Stripe.js with the deployment's publishable key (a public value, made to be
 * sent to browsers), or, with no Stripe keys, the sandbox's clearly labelled test card form.
 */
export const cardConfig = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('stripe'), publishableKey: z.string().regex(/^pk_(test|live)_\w+$/) }),
  z.object({ provider: z.literal('sandbox') }),
]);
export type CardConfig = z.infer<typeof cardConfig>;

/**
 * `GET /api/config`: what the server is configured with that the apps need before anything else. Public and
 * cacheable, so it must never carry a secret.
 */
export const appConfig = z.object({
  map: mapConfig,
  /** "Sign in with …" for riders, when OIDC_ISSUER is configured: the provider's name for the button. */
  identityProvider: z.object({ name: z.string() }).nullable().default(null),
  /** A copy kept from before this field existed reads as the sandbox; the next online start corrects it. */
  card: cardConfig.default({ provider: 'sandbox' }),
});
export type AppConfig = z.infer<typeof appConfig>;
