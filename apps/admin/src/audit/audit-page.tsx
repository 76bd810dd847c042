import '../reports/reports.css';
import { apiGet, useApiQuery, useClient } from '@kigaligo/client';
import { type AuditAction, type AuditLogEntry, auditActions, auditLogEntry } from '@kigaligo/domain';
import { Alert, actionErrorMessage, Button, errorMessage } from '@kigaligo/ui';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { kigaliTime } from '../reports/format';
import { type ReportAdminKey, useReportAdminI18n } from '../reports/report-messages';

const auditPage = z.object({ entries: z.array(auditLogEntry), nextBefore: z.string().nullable() });
const PAGE = 50;

/** Where an entry points, as a link when the console has a page for it. */
function targetHref(e: AuditLogEntry): string | null {
  if (e.targetType === 'report') return `#/reports/${e.targetId}`;
  if (e.targetType === 'trip') return `#/trips/${e.targetId}`;
  return null;
}

/** The action in the admin's language; one this version does not know (written by a newer one) as recorded. */
function actionName(action: string, t: (key: ReportAdminKey) => string): string {
  return (auditActions as readonly string[]).includes(action)
    ? t(`audit.action.${action as AuditAction}`)
    : action;
}

/** Every admin action, newest first, a page at a time (`GET /api/admin/audit?limit=&before=`). */
export function AuditPage() {
  const { t, lang } = useReportAdminI18n();
  const { api } = useClient();
  const first = useApiQuery('admin-audit', apiGet('/api/admin/audit', { query: { limit: PAGE } }), auditPage);
  const [older, setOlder] = useState<AuditLogEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A fresh first page starts the list again.
  useEffect(() => {
    setOlder([]);
    setNext(first.data?.nextBefore ?? null);
  }, [first.data]);

  const more = async () => {
    if (!next) return;
    setBusy(true);
    setError(null);
    try {
      const page = await api.request(apiGet('/api/admin/audit', { query: { limit: PAGE, before: next } }), {
        schema: auditPage,
      });
      setOlder((o) => [...o, ...page.entries]);
      setNext(page.nextBefore);
    } catch (err) {
      setError(actionErrorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  const entries = [...(first.data?.entries ?? []), ...older];
  const savedAt = first.updatedAt ? kigaliTime(new Date(first.updatedAt).toISOString(), lang) : '';
  return (
    <>
      <div className="kg-admin-heading">
        <div>
          <h1>{t('audit.title')}</h1>
          <p className="kg-muted">{t('audit.subtitle')}</p>
        </div>
        <Button variant="secondary" busy={first.loading} onClick={() => void first.reload()}>
          {t('audit.refresh')}
        </Button>
      </div>
      {first.stale ? <Alert tone="info">{t('audit.stale', { time: savedAt })}</Alert> : null}
      {first.error && !first.stale ? <Alert>{errorMessage(first.error, t).message}</Alert> : null}
      {first.loading && !first.data ? (
        <p className="kg-muted">{t('audit.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="kg-table-empty">{t('audit.none')}</p>
      ) : (
        <div className="kg-table-wrap">
          <table className="kg-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.col.when')}</th>
                <th scope="col">{t('audit.col.actor')}</th>
                <th scope="col">{t('audit.col.action')}</th>
                <th scope="col">{t('audit.col.target')}</th>
                <th scope="col">{t('audit.col.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const href = targetHref(e);
                const target = `${e.targetType} ${e.targetId.slice(0, 8)}`;
                return (
                  <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                    <td className="kg-nowrap">{kigaliTime(e.createdAt, lang, true)}</td>
                    <td>{e.actor.name}</td>
                    <th scope="row">{actionName(e.action, t)}</th>
                    <td className="kg-nowrap">{href ? <a href={href}>{target}</a> : target}</td>
                    <td className="kg-audit-details">
                      {Object.keys(e.details).length ? JSON.stringify(e.details, null, 1) : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {error ? <Alert>{error}</Alert> : null}
      {next ? (
        <Button variant="secondary" busy={busy} onClick={() => void more()}>
          {t('audit.more')}
        </Button>
      ) : null}
    </>
  );
}
