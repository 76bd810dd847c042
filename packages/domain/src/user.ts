import { z } from 'zod';
import { isoDateTime, rwandaPhone } from './common';
import { userId } from './ids';
import { text } from './text';

export const roles = ['rider', 'driver', 'admin'] as const;
export const role = z.enum(roles);
/** The languages of the apps and of everything the server writes to a user (push, email). */
export const languages = ['en', 'rw'] as const;
export const language = z.enum(languages);
export type Language = z.infer<typeof language>;
/** `PUT /api/me/language`: the language the user chose in an app, for what the server writes to them. */
export const languagePreference = z.object({ language });
export type Role = z.infer<typeof role>;

export const email = text({ max: 254 }).toLowerCase().pipe(z.email());
/** Long enough to resist guessing, short enough that the KDF cannot be abused with megabyte passwords. */
export const password = text({ min: 8, max: 128, trim: false, minMessage: 'Use at least 8 characters' });
export const personName = text({ min: 1, max: 100, minMessage: 'Enter a name' });

export const user = z.object({
  id: userId,
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  role,
  /** Suspended accounts cannot sign in or refresh (admins suspend drivers after safety reports). */
  suspended: z.boolean(),
  /**
   * False for an account made by signing in with an identity provider: it sets a password through an emailed
   * reset link, which proves the mailbox, rather than from a signed-in screen. Optional only because sessions
   * devices stored before it existed lack it; the server always sends it.
   */
  hasPassword: z.boolean().optional(),
  createdAt: isoDateTime,
});
export type User = z.infer<typeof user>;

export const registerInput = z.object({
  email,
  password,
  name: personName,
  phone: rwandaPhone.optional(),
});
export type RegisterInput = z.infer<typeof registerInput>;

export const loginInput = z.object({ email, password: text({ min: 1, max: 128, trim: false }) });
export type LoginInput = z.infer<typeof loginInput>;

export const refreshInput = z.object({ refreshToken: text({ min: 20, max: 512, trim: false }) });
export type RefreshInput = z.infer<typeof refreshInput>;

/** Admins create driver (and admin) accounts; riders only ever sign themselves up. */
export const createStaffInput = registerInput.extend({
  role: z.enum(['driver', 'admin']).default('driver'),
  phone: rwandaPhone,
});
export type CreateStaffInput = z.infer<typeof createStaffInput>;

export const authResponse = z.object({
  user,
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int().positive(),
  /**
   * An admin without a second factor under `ADMIN_MFA=required`: the access token only reaches `/api/me/mfa`
   * until a factor is enrolled (then a refresh gives a full one).
   */
  mfaEnrolmentRequired: z.boolean().optional(),
});
export type AuthResponse = z.infer<typeof authResponse>;

/** A signed-in device, as `GET /api/me/sessions` lists it. */
export const sessionInfo = z.object({
  id: z.uuid(),
  /** The app that signed in (as it said), null when unknown. */
  app: z.enum(['rider', 'driver', 'admin']).nullable(),
  userAgent: z.string().nullable(),
  /** The network it last signed in or refreshed from, coarsened (an IPv4 /24 or IPv6 /48). */
  network: z.string().nullable(),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime,
  /** The session this request came from. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: password,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

/** Which app asked for a reset link, so the email opens that app's reset screen. */
export const resetApps = ['rider', 'driver', 'admin'] as const;
export const passwordResetRequest = z.object({
  email,
  app: z.enum(resetApps).default('rider'),
});
export type PasswordResetRequest = z.infer<typeof passwordResetRequest>;

export const passwordResetConfirm = z.object({
  token: z.string().min(1).max(200),
  newPassword: password,
});
export type PasswordResetConfirm = z.infer<typeof passwordResetConfirm>;

/**
 * `POST /api/admin/users/:id/role`: a staff account becomes a driver or an admin. Its sessions end at once, so the
 * old role's access tokens stop working on the next request.
 */
export const changeRoleInput = z.object({ role: z.enum(['driver', 'admin']) });
export type ChangeRoleInput = z.infer<typeof changeRoleInput>;
