import { z } from 'zod';

/** WebAuthn's base64url (no padding): credential ids, challenges, authenticator data. */
const base64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, 'base64url');

/**
 * What the browser's WebAuthn call needs (`PublicKeyCredentialCreationOptionsJSON` or
 * `PublicKeyCredentialRequestOptionsJSON`, as `@simplewebauthn/browser` takes them), written by the server.
 */
export const passkeyOptions = z.looseObject({ challenge: z.string() });
export type PasskeyOptions = z.infer<typeof passkeyOptions>;

/** A WebAuthn ceremony to complete: the browser's options and the signed token that names their challenge. */
export const passkeyCeremony = z.object({
  /** Sent back with the authenticator's answer; valid for five minutes and for one answer. */
  challengeToken: z.string(),
  options: passkeyOptions,
});
export type PasskeyCeremony = z.infer<typeof passkeyCeremony>;

const credentialFields = {
  id: base64url(1400),
  rawId: base64url(1400),
  type: z.literal('public-key'),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
};

/** A new passkey as the browser reports it (`RegistrationResponseJSON`). */
export const passkeyRegistration = z.object({
  ...credentialFields,
  response: z.object({
    clientDataJSON: base64url(8000),
    attestationObject: base64url(16000),
    transports: z.array(z.string().max(20)).max(8).optional(),
  }),
});
export type PasskeyRegistration = z.infer<typeof passkeyRegistration>;

/** A passkey's signature over a challenge (`AuthenticationResponseJSON`). */
export const passkeyAssertion = z.object({
  ...credentialFields,
  response: z.object({
    clientDataJSON: base64url(8000),
    authenticatorData: base64url(8000),
    signature: base64url(2000),
    userHandle: base64url(200).optional(),
  }),
});
export type PasskeyAssertion = z.infer<typeof passkeyAssertion>;

/** `POST /api/me/passkeys`: the registration, answered with the ceremony's token, and a name to recognise it by. */
export const passkeyRegisterInput = z.object({
  challengeToken: z.string().min(20).max(4096),
  credential: passkeyRegistration,
  name: z.string().trim().min(1).max(60).optional(),
});

/** `POST /api/auth/passkey`: passwordless sign-in with a passkey. */
export const passkeySignInInput = z.object({
  challengeToken: z.string().min(20).max(4096),
  credential: passkeyAssertion,
});

/** One of the caller's passkeys, as the settings screen lists them (never the key itself). */
export const passkeySummary = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  /** Synced by its provider (e.g. a password manager or a phone's keychain) to the owner's other devices. */
  backedUp: z.boolean(),
});
export type PasskeySummary = z.infer<typeof passkeySummary>;

/** A passkey just added; the first factor on an account also brings recovery codes, shown this once. */
export const passkeyAdded = z.object({
  passkey: passkeySummary,
  recoveryCodes: z.array(z.string()).nullable(),
});
export type PasskeyAdded = z.infer<typeof passkeyAdded>;
