import { useClient, useOnline } from '@kigaligo/client';
import { fetchAppConfig } from '@kigaligo/client/app-config';
import type { MfaChallenge } from '@kigaligo/domain';
import { Alert, MfaChallengeForm } from '@kigaligo/ui';
import { useEffect, useState } from 'react';
import { type RiderKey, useRiderI18n } from '../messages';

const REASONS = [
  'expired',
  'denied',
  'failed',
  'provider_unavailable',
  'email_not_verified',
  'staff_account',
  'account_suspended',
] as const;
type Reason = (typeof REASONS)[number];

type ProviderAnswer = { code: string } | { error: Reason } | null;
let answerAtLoad: ProviderAnswer | undefined;

/** What the server's redirect back from the provider left in the URL hash: read once per page load. */
const providerAnswer = () => {
  answerAtLoad ??= takeProviderAnswer();
  return answerAtLoad;
};

/** Reads the provider's answer from the URL hash and removes it from the address bar. */
export function takeProviderAnswer(): ProviderAnswer {
  const params = new URLSearchParams(location.hash.slice(1));
  const code = params.get('oidc');
  const error = params.get('oidc-error');
  if (code === null && error === null) return null;
  // The code is single-use, but it should not stay in the address bar or the history either.
  history.replaceState(history.state, '', location.pathname + location.search);
  if (code) return { code };
  return { error: REASONS.find((r) => r === error) ?? 'failed' };
}

/**
 * "Continue with …" under the sign-in form when the server has an identity provider (OIDC), and the return
 * from it: the single-use code in the hash is exchanged for a session (or the second-factor step), and a
 * refusal is explained. The provider's pages need the network: offline the button says so instead.
 */
export function ProviderSignIn({ wrongRoleMessage }: { wrongRoleMessage: string }) {
  const { t } = useRiderI18n();
  const { auth } = useClient();
  const online = useOnline();
  const [provider, setProvider] = useState<string | null>(null);
  const [returned] = useState(providerAnswer);
  const [working, setWorking] = useState(returned !== null && 'code' in returned);
  const [error, setError] = useState<RiderKey | null>(
    returned && 'error' in returned ? `signIn.providerError.${returned.error}` : null,
  );
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);

  useEffect(() => {
    let live = true;
    fetchAppConfig().then((config) => live && setProvider(config.identityProvider?.name ?? null));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!returned || !('code' in returned)) return;
    auth
      .signInWithCode(returned.code)
      .then(setChallenge)
      .catch(() => setError('signIn.providerError.expired'))
      .finally(() => setWorking(false));
  }, [auth, returned]);

  if (challenge)
    return (
      <MfaChallengeForm
        challenge={challenge}
        wrongRoleMessage={wrongRoleMessage}
        onBack={() => setChallenge(null)}
      />
    );
  return (
    <div className="kg-provider-sign-in" data-testid="provider-sign-in">
      {working ? <Alert tone="info">{t('signIn.providerWorking')}</Alert> : null}
      {error ? <Alert>{t(error)}</Alert> : null}
      {provider ? (
        <>
          <p className="kg-provider-or">{t('signIn.or')}</p>
          {online ? (
            <a className="kg-button kg-button--secondary kg-button--block" href="/api/auth/oidc/start">
              {t('signIn.withProvider', { name: provider })}
            </a>
          ) : (
            <p className="kg-muted kg-small">{t('signIn.providerOffline', { name: provider })}</p>
          )}
        </>
      ) : null}
    </div>
  );
}
