import { docName, reportDoc, useSyncEngine } from '@kigaligo/client';
import { AppHeader } from '@kigaligo/ui';
import { useEffect, useRef } from 'react';
import { useReportI18n } from './report-messages';
import { reportHref } from './report-route';
import { writeReport } from './use-report-doc';
import { useRiderReports } from './use-rider-reports';

/**
 * `#/safety/new`: lists a fresh draft, gives it its defaults (it happened now; not anonymous) and replaces
 * itself with the draft's address, so the back button and a reload return to that draft rather than starting
 * another. The defaults are written here, once, on the phone that creates the report: written later (when a page
 * finds a field empty) they could overwrite what another phone wrote before it synced.
 */
export function NewReport() {
  const { t } = useReportI18n();
  const engine = useSyncEngine();
  const { ready, create } = useRiderReports();
  const created = useRef(false);
  useEffect(() => {
    if (!ready || !engine || created.current) return;
    created.current = true;
    const id = create();
    const name = docName(reportDoc(id));
    const doc = engine.open(name);
    void doc.loaded.then(() => {
      writeReport(doc, { occurredAt: new Date().toISOString(), anonymous: false });
      engine.release(name);
      window.location.replace(reportHref(id));
    });
  }, [ready, engine, create]);
  return (
    <>
      <AppHeader />
      <main className="kg-page">
        <p className="kg-muted">{t('safety.loading')}</p>
      </main>
    </>
  );
}
