import type { MfaChallenge } from '@kigaligo/domain';
import type { Db } from '../../db/client';
import { MFA_CHALLENGE_TTL_SECONDS, signMfaChallenge } from './challenge';
import { assertionOptions, passkeysForAssertion, type RelyingParty } from './passkeys';
import { recoveryCodesLeft } from './recovery-codes';
import { hasConfirmedTotp } from './totp';

/** After a right password: the challenge to answer when the account has a second factor, or null to sign in. */
export async function mfaChallengeFor(
  db: Db,
  userId: string,
  secret: string,
  rp: RelyingParty,
): Promise<MfaChallenge | null> {
  const totp = await hasConfirmedTotp(db, userId);
  const keys = await passkeysForAssertion(db, userId);
  if (!totp && keys.length === 0) return null;
  const methods: MfaChallenge['methods'] = [];
  if (totp) methods.push('totp');
  const passkey = keys.length > 0 ? await assertionOptions(rp, keys) : undefined;
  if (passkey) methods.push('passkey');
  if ((await recoveryCodesLeft(db, userId)) > 0) methods.push('recovery_code');
  return {
    mfaRequired: true,
    challengeToken: await signMfaChallenge(userId, secret, undefined, passkey?.challenge),
    expiresIn: MFA_CHALLENGE_TTL_SECONDS,
    methods,
    ...(passkey ? { passkey } : {}),
  };
}
