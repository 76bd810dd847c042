import '../plan/plan.css';
import '../plan/itinerary.css';
import './reports.css';
import { NewReport } from './new-report';
import { ReportPage } from './report-page';
import type { ReportRoute } from './report-route';
import { ReportsPage } from './reports-page';

/** The safety screens, loaded on first use like the planner (the place picker pulls in MapLibre). */
export function ReportScreens({ route }: { route: ReportRoute }) {
  if (route.screen === 'new') return <NewReport />;
  if (route.screen === 'report') return <ReportPage key={route.id} id={route.id} />;
  return <ReportsPage />;
}
