import type { MfaChallenge } from '@kigaligo/domain';
import type { Db } from '../../db/client';
import { MFA_CHALLENGE_TTL_SECONDS, signMfaChallenge } from './challenge';
import { hasSecondFactor } from './policy';
import { recoveryCodesLeft } from './recovery-codes';

/** After a right password: the challenge to answer when the account has a second factor, or null to sign in. */
export async function mfaChallengeFor(db: Db, userId: string, secret: string): Promise<MfaChallenge | null> {
  if (!(await hasSecondFactor(db, userId))) return null;
  const withCodes = (await recoveryCodesLeft(db, userId)) > 0;
  return {
    mfaRequired: true,
    challengeToken: await signMfaChallenge(userId, secret),
    expiresIn: MFA_CHALLENGE_TTL_SECONDS,
    methods: withCodes ? ['totp', 'recovery_code'] : ['totp'],
  };
}
