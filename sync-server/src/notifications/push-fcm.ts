import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Agent } from 'node:http';
import { inArray } from 'drizzle-orm';
import { type App, type Credential, cert, deleteApp, initializeApp } from 'firebase-admin/app';
import { getMessaging } from 'firebase-admin/messaging';
import { pushTokens } from '../db/schema';
import type { TopicHandler } from '../outbox/providers';
import { pushMessage } from '../outbox/topics';

export interface ServiceAccount {
  project_id: string;
  client_email: string;
  private_key: string;
  [key: string]: unknown;
}

/** FCM_SERVICE_ACCOUNT is the service account's JSON itself or the path of its file. */
export function loadServiceAccount(value: string): ServiceAccount {
  const text = value.trim().startsWith('{') ? value : readFileSync(value, 'utf8');
  const json = JSON.parse(text) as Partial<ServiceAccount>;
  if (!json.project_id || !json.client_email || !json.private_key) {
    throw new Error(
      'FCM_SERVICE_ACCOUNT must be a service account key with project_id, client_email and private_key',
    );
  }
  return json as ServiceAccount;
}

export interface FcmConfig {
  serviceAccount: ServiceAccount;
  /** Carries firebase-admin's requests (FCM send, OAuth token); tests route it to a local TLS server. */
  httpAgent?: Agent | undefined;
  /** Replaces the service account's OAuth credential (tests: a fixed token, so no token exchange is needed). */
  credential?: Credential | undefined;
}

// FCM's answers that mean "this token will never work again": the device is gone, drop it.
const deadTokenCodes = new Set([
  'messaging/registration-token-not-registered',
  'messaging/invalid-registration-token',
  'messaging/invalid-argument',
]);

/**
 * Push through firebase-admin (FCM HTTP v1), one `send` per device token. `send` rather than
 * `sendEachForMulticast`, whose HTTP/2 transport ignores `httpAgent` (and its HTTP/1.1 switch is deprecated).
 * Partial success counts as delivered — resending would notify the devices that already got it twice — and
 * tokens FCM calls dead are removed after delivery. Only when every device failed for a reason that may pass
 * (FCM unavailable, network) does the outbox retry.
 */
export function fcmPush(config: FcmConfig): { handler: TopicHandler; close(): Promise<void> } {
  const app: App = initializeApp(
    {
      credential:
        config.credential ??
        cert(
          {
            projectId: config.serviceAccount.project_id,
            clientEmail: config.serviceAccount.client_email,
            privateKey: config.serviceAccount.private_key,
          },
          config.httpAgent,
        ),
      projectId: config.serviceAccount.project_id,
      ...(config.httpAgent ? { httpAgent: config.httpAgent } : {}),
    },
    // Our own named app, so two configurations (tests) never share the SDK's default app.
    `kigaligo-push-${randomUUID()}`,
  );
  const messaging = getMessaging(app);
  const handler: TopicHandler = {
    async deliver(payload) {
      const m = pushMessage.parse(payload);
      const results = await Promise.allSettled(
        m.tokens.map((token) =>
          messaging.send({
            token,
            notification: { title: m.title, body: m.body },
            ...(m.data ? { data: m.data } : {}),
            webpush: { notification: { title: m.title, body: m.body } },
          }),
        ),
      );
      const sent: string[] = [];
      const deadTokens: string[] = [];
      const errors: string[] = [];
      results.forEach((r, i) => {
        if (r.status === 'fulfilled') sent.push(r.value);
        else {
          const code = (r.reason as { code?: string }).code ?? 'unknown';
          if (deadTokenCodes.has(code)) deadTokens.push(m.tokens[i]!);
          else errors.push(`${code}: ${(r.reason as Error).message}`);
        }
      });
      if (sent.length === 0 && errors.length > 0) throw new Error(`FCM: ${errors[0]}`);
      return { provider: 'fcm', sent: sent.length, messageIds: sent, deadTokens, failed: errors.length };
    },
    async afterDelivery(tx, _message, result) {
      const dead = Array.isArray(result.deadTokens) ? (result.deadTokens as string[]) : [];
      if (dead.length > 0) await tx.delete(pushTokens).where(inArray(pushTokens.token, dead));
    },
  };
  return { handler, close: () => deleteApp(app) };
}
