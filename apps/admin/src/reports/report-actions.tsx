import { type ApiRequest, apiRequest, docName, type RequestQueueState, reportDoc } from '@kigaligo/client';
import {
  canTransitionReport,
  type ReportStatus,
  reportNoteInput,
  reportReplyInput,
  reportStatuses,
  reportStatusInput,
} from '@kigaligo/domain';
import { Alert, Button } from '@kigaligo/ui';
import { useId, useState } from 'react';
import { useReportAdminI18n } from './report-messages';

/**
 * Status changes (with an optional note), replies to the reporter and internal notes. Each decision is stored
 * on the device and sent in order (the request queue), so it is not lost offline; the pending list shows it.
 */
export function ReportActions({
  reportId,
  status,
  queue,
}: {
  reportId: string;
  /** The status with this device's unsynced decisions applied. */
  status: ReportStatus;
  queue: RequestQueueState;
}) {
  const { t } = useReportAdminI18n();
  const ids = { note: useId(), reply: useId(), internal: useId() };
  const [note, setNote] = useState('');
  const [reply, setReply] = useState('');
  const [internal, setInternal] = useState('');
  const [problem, setProblem] = useState<'reply' | 'internal' | null>(null);
  const [queued, setQueued] = useState(false);
  const subject = docName(reportDoc(reportId));
  const targets = reportStatuses.filter((s) => canTransitionReport(status, s));

  const send = async (action: string, request: ApiRequest<'POST'>) => {
    await queue.enqueue({ ...request, subject, action });
    setQueued(true);
  };
  const changeStatus = async (to: ReportStatus) => {
    const body = reportStatusInput.parse({ status: to, ...(note.trim() ? { note: note.trim() } : {}) });
    await send(
      `status:${to}`,
      apiRequest('post', '/api/admin/reports/{id}/status', { path: { id: reportId }, body }),
    );
    setNote('');
  };
  const sendText = async (kind: 'reply' | 'internal') => {
    const schema = kind === 'reply' ? reportReplyInput : reportNoteInput;
    const parsed = schema.safeParse({ text: kind === 'reply' ? reply : internal });
    if (!parsed.success) return setProblem(kind);
    setProblem(null);
    const path = { id: reportId };
    await send(
      kind,
      kind === 'reply'
        ? apiRequest('post', '/api/admin/reports/{id}/replies', { path, body: parsed.data })
        : apiRequest('post', '/api/admin/reports/{id}/notes', { path, body: parsed.data }),
    );
    if (kind === 'reply') setReply('');
    else setInternal('');
  };

  return (
    <div className="kg-report-actions">
      {queued && queue.requests.some((r) => r.state === 'waiting') ? (
        <Alert tone="info">{t('actions.queued')}</Alert>
      ) : null}
      <section>
        <h3 className="kg-report-h3">{t('actions.status')}</h3>
        {targets.length ? (
          <>
            <label htmlFor={ids.note} className="kg-field-label">
              {t('actions.note')}
            </label>
            <textarea
              id={ids.note}
              className="kg-input kg-textarea"
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <div className="kg-report-buttons">
              {targets.map((to) => (
                <Button
                  key={to}
                  variant={to === 'resolved' ? 'primary' : 'secondary'}
                  disabled={!queue.ready}
                  onClick={() => void changeStatus(to)}
                >
                  {t(`actions.to.${to}` as 'actions.to.triage')}
                </Button>
              ))}
            </div>
          </>
        ) : (
          <p className="kg-muted">{t('actions.final')}</p>
        )}
      </section>
      <section>
        <label htmlFor={ids.reply} className="kg-report-h3">
          {t('actions.reply')}
        </label>
        <p className="kg-field-hint">{t('actions.replyHint')}</p>
        <textarea
          id={ids.reply}
          className="kg-input kg-textarea"
          rows={3}
          maxLength={2000}
          value={reply}
          onChange={(e) => setReply(e.target.value)}
        />
        {problem === 'reply' ? <p className="kg-field-error">{t('actions.textRequired')}</p> : null}
        <Button variant="secondary" disabled={!queue.ready} onClick={() => void sendText('reply')}>
          {t('actions.sendReply')}
        </Button>
      </section>
      <section>
        <label htmlFor={ids.internal} className="kg-report-h3">
          {t('actions.internalNote')}
        </label>
        <p className="kg-field-hint">{t('actions.internalNoteHint')}</p>
        <textarea
          id={ids.internal}
          className="kg-input kg-textarea"
          rows={2}
          maxLength={5000}
          value={internal}
          onChange={(e) => setInternal(e.target.value)}
        />
        {problem === 'internal' ? <p className="kg-field-error">{t('actions.textRequired')}</p> : null}
        <Button variant="secondary" disabled={!queue.ready} onClick={() => void sendText('internal')}>
          {t('actions.addNote')}
        </Button>
      </section>
    </div>
  );
}
