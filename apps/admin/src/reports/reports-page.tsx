import './reports.css';
import { useRouteParam } from '../use-hash-route';
import { ReportDetail } from './report-detail';
import { ReportQueue } from './report-queue';

/** `#/reports`: the review queue; `#/reports/<id>`: one report with its evidence, history and decisions. */
export function ReportsPage() {
  const id = useRouteParam();
  return id ? <ReportDetail key={id} id={id} /> : <ReportQueue />;
}
