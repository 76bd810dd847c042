import { z } from 'zod';
import { passkeyAssertion, passkeyOptions, passkeySummary } from './passkeys';
import { authResponse } from './user';

/** A six-digit code from an authenticator app (RFC 6238, 30-second steps). */
export const totpCode = z.string().regex(/^\d{6}$/, 'Six digits');

/** A recovery code as shown to the user (`xxxxx-xxxxx`); spaces and case are forgiven. */
export const recoveryCode = z
  .string()
  .max(40)
  .transform((s) => s.replace(/[\s-]/g, '').toLowerCase())
  .pipe(z.string().regex(/^[a-z2-7]{10}$/, 'Ten letters and digits, as written on your list'));

/**
 * `POST /api/auth/login` for an account with a second factor: no tokens yet, but a short-lived challenge
 * to answer at `POST /api/auth/mfa`.
 */
export const mfaChallenge = z.object({
  mfaRequired: z.literal(true),
  challengeToken: z.string(),
  /** Seconds the challenge stays valid. */
  expiresIn: z.number().int().positive(),
  methods: z.array(z.enum(['totp', 'passkey', 'recovery_code'])),
  /** With `passkey` among the methods: the options for the browser's WebAuthn call, limited to the account's passkeys. */
  passkey: passkeyOptions.optional(),
});
export type MfaChallenge = z.infer<typeof mfaChallenge>;

/** What a sign-in answers: tokens, or a second-factor challenge. */
export const loginResponse = z.union([authResponse, mfaChallenge]);
export type LoginResponse = z.infer<typeof loginResponse>;

/** The single-use code a sign-in with an identity provider hands to the app (in the URL hash). */
export const oidcCodeInput = z.object({ code: z.string().min(1).max(100) });

/** The second step of sign-in: one code from the authenticator app, a passkey's signature, or one unused recovery code. */
export const mfaVerifyInput = z.union([
  z.object({ challengeToken: z.string().min(20).max(4096), code: totpCode }),
  z.object({ challengeToken: z.string().min(20).max(4096), passkey: passkeyAssertion }),
  z.object({ challengeToken: z.string().min(20).max(4096), recoveryCode }),
]);
export type MfaVerifyInput = z.input<typeof mfaVerifyInput>;

/** `GET /api/me/mfa`: which factors the caller has and whether the policy requires one. */
export const mfaStatus = z.object({
  totp: z.boolean(),
  passkeys: z.array(passkeySummary),
  recoveryCodesLeft: z.number().int().nonnegative(),
  /** True for admins under `ADMIN_MFA=required` (unless exempt): without a factor they can only enrol. */
  required: z.boolean(),
});
export type MfaStatus = z.infer<typeof mfaStatus>;

/** A TOTP enrolment in progress: shown once, confirmed with a first code. */
export const totpEnrolment = z.object({
  /** Base32, for typing into an authenticator app by hand. */
  secret: z.string(),
  /** `otpauth://totp/…`, drawn as a QR code by the app. */
  otpauthUri: z.string(),
});
export type TotpEnrolment = z.infer<typeof totpEnrolment>;

export const totpConfirmInput = z.object({ code: totpCode });

/** Fresh recovery codes: shown once, each works one time. */
export const recoveryCodes = z.object({ codes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof recoveryCodes>;

/** Turning a factor off (an authenticator app, a passkey) or replacing recovery codes asks for the password again. */
export const mfaReauthInput = z.object({ password: z.string().min(1).max(128) });
