import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import type { Db } from '../db/client';
import type { OutboxRow } from './outbox-worker';
import type { OutboxTopic } from './topics';
import {
  alertWebhookMessage,
  type EmailMessage,
  emailMessage,
  type PushMessage,
  pushMessage,
} from './topics';

/** Delivers one outbox message; throws to have it retried. The key lets the provider drop a repeat. */
export type Deliver = (payload: unknown, idempotencyKey: string) => Promise<Record<string, unknown>>;

/**
 * A topic's delivery plus what follows it. `afterDelivery` runs in the transaction that marks the message sent
 * (a payment's new status commits with it); `onDead` in the one that dead-letters it. Both may return work to
 * run after the commit (refreshing synced documents).
 */
export interface TopicHandler {
  deliver: Deliver;
  afterDelivery?(tx: Db, message: OutboxRow, result: Record<string, unknown>): Promise<AfterCommit | unknown>;
  onDead?(tx: Db, message: OutboxRow, error: string): Promise<AfterCommit | unknown>;
  /** Overrides the worker's maxAttempts (mobile money polls a pending collection longer). */
  maxAttempts?: number;
}
export type AfterCommit = () => Promise<void>;

/** Topics without a provider are retried and dead-lettered with "no provider", visibly. */
export type Providers = Partial<Record<OutboxTopic, Deliver | TopicHandler>>;

export function topicHandler(p: Deliver | TopicHandler): TopicHandler {
  return typeof p === 'function' ? { deliver: p } : p;
}

/**
 * With no credentials nothing leaves the machine: the message is marked sent with `sandbox: true`, and the
 * admin app's outbox page shows exactly what would have been sent.
 */
export const sandbox: Deliver = async () => ({ sandbox: true });

export interface SendGridConfig {
  apiKey: string;
  from: string;
  /** Tests point the SDK at a local server that speaks SendGrid's v3 API. */
  baseUrl?: string | undefined;
}

export function sendGridEmail(config: SendGridConfig): Deliver {
  // Our own client rather than the SDK's shared singleton, so two configurations never interfere.
  const http = new Client();
  http.setApiKey(config.apiKey);
  // After setApiKey, which resets the request defaults (PITFALLS.md).
  if (config.baseUrl) http.setDefaultRequest('baseUrl', config.baseUrl);
  const client = new MailService();
  client.setClient(http);
  return async (payload, idempotencyKey) => {
    const m: EmailMessage = emailMessage.parse(payload);
    const [response] = await client.send({
      to: m.to,
      from: config.from,
      subject: m.subject,
      text: m.text,
      // SendGrid has no idempotency header; a custom arg lets its event webhook and support trace repeats.
      customArgs: { idempotencyKey },
    });
    return {
      provider: 'sendgrid',
      status: response.statusCode,
      messageId: response.headers['x-message-id'] ?? null,
    };
  };
}

/** Push through an injected sender (firebase-admin in production, see push-fcm.ts). */
export function pushVia(send: (m: PushMessage) => Promise<Record<string, unknown>>): Deliver {
  return async (payload) => send(pushMessage.parse(payload));
}

/** Posts an alert to an incoming webhook (Slack, Teams or anything taking JSON); a non-2xx answer is retried. */
export function alertWebhook(url: string): Deliver {
  return async (payload, idempotencyKey) => {
    const body = alertWebhookMessage.parse(payload);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    // Drained either way, so the connection is reused or closed rather than left waiting.
    const answer = (await res.text()).slice(0, 200);
    if (!res.ok) throw new Error(`the alert webhook answered ${res.status}: ${answer}`);
    return { provider: 'webhook', status: res.status };
  };
}
