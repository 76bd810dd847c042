import type { Language } from '@kigaligo/domain';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { type Db, resultRows } from '../db/client';
import { outbox } from '../db/schema';
import { enqueue } from '../outbox/enqueue';
import type { Deliver } from '../outbox/providers';
import type { AlertWebhookMessage, EmailMessage } from '../outbox/topics';
import { renderAlert } from './alert-messages';
import { type AlertCondition, type CheckResult, checks } from './conditions';

export interface AlertConfig {
  /** ALERT_EMAILS: on-call addresses, one email each. */
  emails: string[];
  /** ALERT_WEBHOOK_URL: a Slack- or Teams-compatible incoming webhook (a JSON POST with `text`). */
  webhookUrl?: string | undefined;
  /** ALERT_LANGUAGE: the language on-call reads. */
  language: Language;
  /** Names this process in a database-down page (the only one it sends on its own). */
  host: string;
  intervalMs?: number;
  /** A condition that clears and fires again within this many minutes is not paged again. */
  repageMinutes?: number;
}

/** How pages leave while the database (and with it the outbox) is down: the outbox's own deliverers. */
export interface DirectDelivery {
  email: Deliver;
  webhook?: Deliver | undefined;
}

type Status = 'firing' | 'resolved';

/**
 * Checks the critical conditions every 30 s and pages on-call through the outbox when one starts (firing) and
 * when it clears (resolved). The state lives in `alert_states`, shared by every process: the process whose update
 * flips a condition sends, so three processes page once; a condition that flaps is paged at most once per
 * `repageMinutes`. The database being down is the exception: no outbox, no shared state, so each process pages
 * directly, once per outage, and records what it sent in the outbox once the database is back.
 */
export class AlertMonitor {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private lastObserved = 0;
  private databaseDownSince: Date | null = null;
  private readonly intervalMs: number;
  private readonly repageMinutes: number;

  constructor(
    private readonly db: Db,
    private readonly config: AlertConfig,
    private readonly direct: DirectDelivery,
    private readonly logger: Logger,
    private readonly redisPing?: () => Promise<unknown>,
  ) {
    this.intervalMs = config.intervalMs ?? 30_000;
    this.repageMinutes = config.repageMinutes ?? 15;
  }

  /** Without ALERT_EMAILS or ALERT_WEBHOOK_URL nobody is paged, and nothing is checked. */
  get enabled(): boolean {
    return this.config.emails.length > 0 || this.config.webhookUrl !== undefined;
  }

  start(): void {
    if (!this.enabled) return;
    this.timer = setInterval(() => void this.evaluate(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** An unhandled error answered as a 500. Recorded at most every 10 s per process: a storm is one write a while. */
  observeServerError(): void {
    if (!this.enabled || Date.now() - this.lastObserved < 10_000) return;
    this.lastObserved = Date.now();
    void this.db
      .execute(
        sql`insert into alert_states (condition, observed_at) values ('server_errors', now())
            on conflict (condition) do update set observed_at = now()`,
      )
      .catch((err: unknown) => this.logger.warn({ err }, 'could not record a server error for alerting'));
  }

  /** One round of checks; a round already running is joined, not doubled. */
  evaluate(): Promise<void> {
    this.running ??= this.checkAll()
      .catch((err: unknown) => this.logger.error({ err }, 'alert checks failed'))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async checkAll(): Promise<void> {
    try {
      await this.db.execute(sql`select 1`);
    } catch {
      await this.databaseDown();
      return;
    }
    if (this.databaseDownSince) await this.databaseBack(this.databaseDownSince);
    const results: [AlertCondition, CheckResult][] = [];
    if (this.redisPing) {
      const up = await this.redisPing().then(
        () => true,
        () => false,
      );
      results.push(['redis_unreachable', { firing: !up, detail: {} }]);
    }
    for (const [condition, check] of Object.entries(checks)) {
      results.push([condition as AlertCondition, await check(this.db)]);
    }
    for (const [condition, result] of results) {
      if (result.firing !== null) await this.transition(condition, result.firing, result.detail);
    }
  }

  private async transition(
    condition: AlertCondition,
    firing: boolean,
    detail: Record<string, string | number>,
  ): Promise<void> {
    const repage = this.repageMinutes;
    await this.db.transaction(async (tx) => {
      await tx.execute(
        sql`insert into alert_states (condition) values (${condition}) on conflict do nothing`,
      );
      // Only the update that flips the state returns a row: concurrent processes cannot both page.
      const [row] = resultRows<{
        since: Date | string;
        paged: boolean;
        detail: Record<string, string | number>;
      }>(
        firing
          ? await tx.execute(sql`
              update alert_states set firing = true, since = now(), detail = ${JSON.stringify(detail)}::jsonb,
                paged = notified_at is null or notified_at < now() - make_interval(mins => ${repage}),
                notified_at = case when notified_at is null or notified_at < now() - make_interval(mins => ${repage})
                                   then now() else notified_at end,
                updated_at = now()
              where condition = ${condition} and not firing
              returning since, paged, detail`)
          : await tx.execute(sql`
              update alert_states set firing = false, updated_at = now()
              where condition = ${condition} and firing
              returning since, paged, detail`),
      );
      if (!row) return;
      this.logger.warn({ condition, status: firing ? 'firing' : 'resolved', paged: row.paged }, 'alert');
      if (row.paged)
        await this.page(tx, condition, firing ? 'firing' : 'resolved', row.detail ?? {}, row.since);
    });
  }

  private messages(
    condition: AlertCondition,
    status: Status,
    detail: Record<string, string | number>,
    since: Date | string,
  ) {
    const sinceIso = new Date(since).toISOString();
    const { subject, text } = renderAlert(
      condition,
      status,
      { ...detail, host: this.config.host },
      this.config.language,
    );
    const key = `alert:${condition}:${sinceIso}:${status}`;
    const emails = this.config.emails.map((to) => ({
      key: `${key}:email:${to}`,
      payload: { to, subject, text } satisfies EmailMessage,
    }));
    const webhook: AlertWebhookMessage = {
      text: `${subject}\n${text}`,
      kigaligo: { condition, status, since: sinceIso, detail },
    };
    return { emails, webhook: this.config.webhookUrl ? { key: `${key}:webhook`, payload: webhook } : null };
  }

  private async page(
    tx: Db,
    condition: AlertCondition,
    status: Status,
    detail: Record<string, string | number>,
    since: Date | string,
  ) {
    const { emails, webhook } = this.messages(condition, status, detail, since);
    for (const e of emails) await enqueue(tx, 'email', e.payload, e.key);
    if (webhook) await enqueue(tx, 'alert.webhook', webhook.payload, webhook.key);
  }

  private async databaseDown(): Promise<void> {
    if (this.databaseDownSince) return;
    this.databaseDownSince = new Date();
    this.logger.error({ condition: 'database_unreachable' }, 'alert');
    const { emails, webhook } = this.messages('database_unreachable', 'firing', {}, this.databaseDownSince);
    const sends = [
      ...emails.map((e) => this.direct.email(e.payload, e.key)),
      ...(webhook && this.direct.webhook ? [this.direct.webhook(webhook.payload, webhook.key)] : []),
    ];
    for (const result of await Promise.allSettled(sends)) {
      if (result.status === 'rejected')
        this.logger.error({ err: result.reason }, 'database-down page not sent');
    }
  }

  /** Back: what was paged directly goes into the outbox as sent (so it is seen), the all-clear through it. */
  private async databaseBack(since: Date): Promise<void> {
    const firing = this.messages('database_unreachable', 'firing', {}, since);
    await this.db.transaction(async (tx) => {
      const sent = [
        ...firing.emails.map((e) => ({ topic: 'email', ...e })),
        ...(firing.webhook ? [{ topic: 'alert.webhook', ...firing.webhook }] : []),
      ];
      for (const m of sent) {
        await tx
          .insert(outbox)
          .values({
            topic: m.topic,
            payload: m.payload,
            idempotencyKey: m.key,
            status: 'sent',
            sentAt: since,
            result: { direct: true, reason: 'the database was unreachable' },
          })
          .onConflictDoNothing({ target: outbox.idempotencyKey });
      }
      await this.page(tx, 'database_unreachable', 'resolved', {}, since);
    });
    this.databaseDownSince = null;
  }
}
