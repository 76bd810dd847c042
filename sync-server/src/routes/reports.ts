import {
  adminReportDetail as adminReportDetailSchema,
  adminReportSummary,
  driverReportView,
  reportQueueQuery,
  riderReportDetail as riderReportDetailSchema,
  riderReportView,
} from '@kigaligo/domain';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { badRequest, notFound, zodDetails } from '../domain-error';
import { documented } from '../http/api-docs';
import { requireAuth } from '../http/auth-middleware';
import {
  adminQueue,
  adminReportDetail,
  driverReports,
  riderReportDetail,
  riderReports,
} from '../reports/report-queries';

/**
 * Safety reports as each role may see them. Riders: their own. Drivers: reports about them, with the reporter
 * hidden on anonymous ones. Admins: the queue with filters, and the full detail. A report the caller may not
 * see is a 404, the same as one that does not exist.
 */
export const reportRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .get(
    '/',
    documented({
      summary: 'Safety reports as the caller may see them',
      description:
        'Riders: their own. Drivers: reports about them (reporter hidden when anonymous). Admins: the queue, filtered by the query.',
      audience: 'any',
      query: reportQueueQuery,
      ok: {
        200: z.object({ reports: z.array(z.union([adminReportSummary, riderReportView, driverReportView])) }),
      },
      errors: [400],
    }),
    async (c) => {
      const { deps, auth } = c.var;
      const db = deps.database.db;
      // Checked for every role: the filters only narrow an admin's queue, but a malformed query is refused
      // for anyone rather than silently ignored.
      const q = reportQueueQuery.safeParse(c.req.query());
      if (!q.success) throw badRequest('The query is not valid', zodDetails(q.error));
      if (auth.role === 'rider') return c.json({ reports: await riderReports(db, auth.userId) });
      if (auth.role === 'driver') return c.json({ reports: await driverReports(db, auth.userId) });
      return c.json({ reports: await adminQueue(db, q.data) });
    },
  )
  .get(
    '/:id',
    documented({
      summary: 'One report',
      description:
        'Admins: the full detail (severity reasons, events, trip, driver, vehicle, history). Riders: their own with replies. Drivers: {report} as in the list.',
      audience: 'any',
      ok: {
        200: z.union([
          adminReportDetailSchema,
          riderReportDetailSchema,
          z.object({ report: driverReportView }),
        ]),
      },
      errors: [404],
    }),
    async (c) => {
      const id = z.uuid().safeParse(c.req.param('id'));
      if (!id.success) throw notFound('No such report');
      const { deps, auth } = c.var;
      const db = deps.database.db;
      if (auth.role === 'admin') {
        const detail = await adminReportDetail(db, id.data);
        if (!detail) throw notFound('No such report');
        return c.json(detail);
      }
      if (auth.role === 'driver') {
        const [report] = await driverReports(db, auth.userId, id.data);
        if (!report) throw notFound('No such report');
        return c.json({ report });
      }
      const detail = await riderReportDetail(db, auth.userId, id.data);
      if (!detail) throw notFound('No such report');
      return c.json(detail);
    },
  );
