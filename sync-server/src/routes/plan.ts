import { isInArea, planInput } from '@kigaligo/domain';
import { itinerary, planTrip } from '@kigaligo/planner';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { DomainError } from '../domain-error';
import { documented } from '../http/api-docs';
import { requireAuth } from '../http/auth-middleware';
import { jsonBody } from '../http/validate';

/** The same planner the rider app runs offline in a worker, on the server's active network. */
export const planRoutes = new Hono<AppEnv>().post(
  '/plan',
  documented({
    summary: 'Plan a trip: bus (with walking) and moto-taxi options with RWF fares',
    description: 'A place outside the service area is 400 outside_service_area.',
    audience: 'any',
    ok: { 200: z.object({ itineraries: z.array(itinerary) }) },
    errors: [400],
  }),
  requireAuth,
  jsonBody(planInput),
  (c) => {
    const body = c.req.valid('json');
    const area = c.var.deps.network.serviceArea();
    const outside = (['from', 'to'] as const).filter((end) => !isInArea(body[end], area));
    if (outside.length > 0)
      throw new DomainError(
        'invalid',
        'outside_service_area',
        'This place is outside the service area',
        outside.map((path) => ({ path, message: 'This place is outside the service area' })),
      );
    const itineraries = planTrip(c.var.deps.network.get(), {
      from: body.from,
      to: body.to,
      ...(body.arriveBy ? { arriveBy: body.arriveBy } : { departAt: body.departAt ?? new Date() }),
      ...(body.moto === undefined ? {} : { moto: body.moto }),
    });
    return c.json({ itineraries });
  },
);
