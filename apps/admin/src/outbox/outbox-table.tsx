import { Button } from '@kigaligo/ui';
import { Fragment, useState } from 'react';
import { type AdminKey, useAdminI18n } from '../messages';
import { adminTime } from '../trips/admin-format';
import { isSandbox, type OutboxMessage, outboxState, outboxSummary } from './outbox-view';

const stateClass = {
  sent: 'kg-status-active',
  waiting: 'kg-muted',
  retrying: 'kg-warn-text',
  dead: 'kg-status-down',
};
const json = (v: unknown) => JSON.stringify(v, null, 2);

interface Props {
  messages: OutboxMessage[];
  retrying: string | null;
  onRetry(id: string): void;
}

/** One row per provider call; "Details" shows exactly what was sent and what the provider (or sandbox) said. */
export function OutboxTable({ messages, retrying, onRetry }: Props) {
  const { t, lang } = useAdminI18n();
  const [open, setOpen] = useState<string | null>(null);
  if (messages.length === 0) return <p className="kg-table-empty">{t('outbox.none')}</p>;
  return (
    <div className="kg-table-wrap">
      <table className="kg-table">
        <thead>
          <tr>
            <th scope="col">{t('outbox.col.created')}</th>
            <th scope="col">{t('outbox.col.topic')}</th>
            <th scope="col">{t('outbox.col.what')}</th>
            <th scope="col">{t('outbox.col.status')}</th>
            <th scope="col">{t('outbox.col.attempts')}</th>
            <th scope="col">{t('outbox.col.when')}</th>
            <th scope="col" aria-label={t('outbox.details')} />
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => {
            const state = outboxState(m);
            const summary = outboxSummary(m);
            const topicKey = `outbox.topic.${m.topic}` as AdminKey;
            const topic = t(topicKey) === topicKey ? m.topic : t(topicKey);
            const expanded = open === m.id;
            return (
              <Fragment key={m.id}>
                <tr
                  data-testid="outbox-row"
                  data-topic={m.topic}
                  data-state={state}
                  data-sandbox={isSandbox(m)}
                >
                  <td className="kg-nowrap">{adminTime(m.createdAt, lang)}</td>
                  <th scope="row">
                    <span className="kg-nowrap">{topic}</span>
                    {isSandbox(m) ? (
                      <span className="kg-badge kg-outbox-sandbox" title={t('outbox.sandboxHint')}>
                        {t('outbox.sandbox')}
                      </span>
                    ) : null}
                  </th>
                  <td className="kg-outbox-what">
                    {summary.key ? t(summary.key, summary.vars) : m.idempotencyKey}
                  </td>
                  <td>
                    <span className={stateClass[state]}>{t(`outbox.state.${state}`)}</span>
                  </td>
                  <td>{m.attempts}</td>
                  <td className="kg-nowrap">
                    {m.sentAt
                      ? adminTime(m.sentAt, lang)
                      : state === 'dead'
                        ? '—'
                        : adminTime(m.nextAttemptAt, lang)}
                  </td>
                  <td className="kg-nowrap kg-table-actions">
                    {state === 'dead' ? (
                      <Button busy={retrying === m.id} onClick={() => onRetry(m.id)}>
                        {t('outbox.retry')}
                      </Button>
                    ) : null}
                    <Button
                      variant="ghost"
                      aria-expanded={expanded}
                      onClick={() => setOpen(expanded ? null : m.id)}
                    >
                      {expanded ? t('outbox.hide') : t('outbox.details')}
                    </Button>
                  </td>
                </tr>
                {expanded ? (
                  <tr className="kg-outbox-detail" data-testid="outbox-detail">
                    <td colSpan={7}>
                      <dl className="kg-details kg-outbox-dl">
                        <div>
                          <dt>{t('outbox.key')}</dt>
                          <dd>
                            <code>{m.idempotencyKey}</code>
                          </dd>
                        </div>
                        {m.lastError ? (
                          <div>
                            <dt>{t('outbox.error')}</dt>
                            <dd className="kg-status-down">{m.lastError}</dd>
                          </div>
                        ) : null}
                        <div>
                          <dt>{t('outbox.payload')}</dt>
                          <dd>
                            <pre className="kg-json">{json(m.payload)}</pre>
                          </dd>
                        </div>
                        <div>
                          <dt>{t('outbox.result')}</dt>
                          <dd>
                            <pre className="kg-json">{m.result === null ? '—' : json(m.result)}</pre>
                          </dd>
                        </div>
                      </dl>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
