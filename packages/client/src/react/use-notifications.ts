import {
  type Language,
  languagePreference,
  type NotificationPreferences,
  notificationPreferences,
} from '@kigaligo/domain';
import { useCallback, useEffect, useState } from 'react';
import { apiGet, apiRequest } from '../api-routes';
import { type PushRegistration, registerForPush } from '../push/push-registration';
import { useClient } from './client-context';
import { useApiQuery } from './use-api-query';
import { useOnline, useSession } from './use-session';

/** The signed-in user's push and email switches; the last answer is cached so the card shows offline. */
export function useNotificationPreferences() {
  const { api } = useClient();
  const query = useApiQuery(
    'notification-preferences',
    apiGet('/api/me/notification-preferences'),
    notificationPreferences,
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = useCallback(
    async (next: NotificationPreferences) => {
      setSaving(true);
      setError(null);
      try {
        await api.request(apiRequest('put', '/api/me/notification-preferences', { body: next }), {
          schema: notificationPreferences,
        });
        await query.reload();
      } catch (err) {
        setError(err);
      } finally {
        setSaving(false);
      }
    },
    [api, query.reload],
  );
  return { value: query.data, loading: query.loading, loadError: query.error, saving, error, save };
}

/** The language the server last accepted per user in this page load. */
const languageSent = new Map<string, Language>();

/**
 * Tells the server the app's language, so push and email reach the user in it. Sent once per user, language
 * and page load while the server is reachable; a failed attempt is tried again on reconnect.
 */
export function useLanguageOnServer(language: Language): void {
  const { api } = useClient();
  const online = useOnline();
  const userId = useSession()?.user.id ?? null;
  useEffect(() => {
    if (!online || !userId || languageSent.get(userId) === language) return;
    languageSent.set(userId, language);
    api
      .request(apiRequest('put', '/api/me/language', { body: { language } }), { schema: languagePreference })
      .catch(() => {
        if (languageSent.get(userId) === language) languageSent.delete(userId);
      });
  }, [api, online, userId, language]);
}

/** One registration per user and page load: every start refreshes the server's row for this device. */
const done = new Map<string, Promise<PushRegistration>>();

/** Registers this device for push while `enabled` (the user wants push) and the server is reachable. */
export function usePushRegistration(enabled: boolean): PushRegistration | null {
  const client = useClient();
  const online = useOnline();
  const userId = useSession()?.user.id ?? null;
  const [state, setState] = useState<PushRegistration | null>(null);
  useEffect(() => {
    if (!enabled || !online || !userId) return;
    let live = true;
    let attempt = done.get(userId);
    if (!attempt) {
      attempt = registerForPush(client);
      done.set(userId, attempt);
    }
    void attempt.then((result) => {
      // A failure (server down, FCM unreachable) is tried again on the next start or reconnect.
      if (result.state === 'failed') done.delete(userId);
      if (live) setState(result);
    });
    return () => {
      live = false;
    };
  }, [client, enabled, online, userId]);
  return state;
}
