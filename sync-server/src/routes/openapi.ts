import {
  apiError,
  authResponse,
  createStaffInput,
  loginInput,
  planInput,
  positionBatchInput,
  positionBatchResult,
  refreshInput,
  registerInput,
  shiftStartInput,
  stop,
  user,
  vehicle,
  vehicleInput,
} from '@kigaligo/domain';
import { itinerary } from '@kigaligo/planner';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';

interface Operation {
  summary: string;
  auth?: 'any' | 'admin' | 'admin or driver' | 'driver';
  body?: z.ZodType;
  response: { status: number; schema?: z.ZodType };
}

// The one list of what the API offers; schemas are the same domain objects the handlers validate with.
const operations: Record<string, Record<string, Operation>> = {
  '/api/health': { get: { summary: 'Liveness and database kind', response: { status: 200 } } },
  '/api/auth/register': {
    post: { summary: 'Rider sign-up', body: registerInput, response: { status: 201, schema: authResponse } },
  },
  '/api/auth/login': {
    post: { summary: 'Sign in', body: loginInput, response: { status: 200, schema: authResponse } },
  },
  '/api/auth/refresh': {
    post: {
      summary: 'Rotate a refresh token',
      body: refreshInput,
      response: { status: 200, schema: authResponse },
    },
  },
  '/api/auth/logout': {
    post: { summary: 'End the session of a refresh token', body: refreshInput, response: { status: 204 } },
  },
  '/api/me': {
    get: {
      summary: 'The signed-in user',
      auth: 'any',
      response: { status: 200, schema: z.object({ user }) },
    },
  },
  '/api/admin/users': {
    get: {
      summary: 'List users',
      auth: 'admin',
      response: { status: 200, schema: z.object({ users: z.array(user) }) },
    },
    post: {
      summary: 'Create a driver or admin account',
      auth: 'admin',
      body: createStaffInput,
      response: { status: 201, schema: z.object({ user }) },
    },
  },
  '/api/vehicles': {
    get: {
      summary: 'The fleet',
      auth: 'admin or driver',
      response: { status: 200, schema: z.object({ vehicles: z.array(vehicle) }) },
    },
    post: {
      summary: 'Register a vehicle',
      auth: 'admin',
      body: vehicleInput,
      response: { status: 201, schema: z.object({ vehicle }) },
    },
  },
  '/api/routes/plan': {
    post: {
      summary: 'Plan a trip: bus (with walking) and moto-taxi options with RWF fares',
      auth: 'any',
      body: planInput,
      response: { status: 200, schema: z.object({ itineraries: z.array(itinerary) }) },
    },
  },
  '/api/vehicles/{id}/positions': {
    post: {
      summary:
        'Upload GPS fixes (≤ 500; idempotent ids <deviceId>:<seq>); bad fixes are answered with reasons',
      auth: 'admin or driver',
      body: positionBatchInput,
      response: { status: 200, schema: positionBatchResult },
    },
  },
  '/api/shifts': {
    post: {
      summary: 'Start a shift on a vehicle',
      auth: 'driver',
      body: shiftStartInput,
      response: { status: 201 },
    },
  },
  '/api/shifts/end': {
    post: { summary: 'End the current shift', auth: 'driver', response: { status: 200 } },
  },
  '/api/shifts/current': {
    get: { summary: 'The vehicle of the current shift', auth: 'driver', response: { status: 200 } },
  },
  '/api/gtfs-rt/vehicle-positions': {
    get: {
      summary: 'GTFS-Realtime VehiclePositions (protobuf): buses; all vehicles for admins',
      response: { status: 200 },
    },
  },
  '/api/places': {
    get: {
      summary: 'Place search (?q=, typo-tolerant, English and Kinyarwanda) or nearest stops (?near=lat,lon)',
      auth: 'any',
      response: { status: 200 },
    },
  },
  '/api/stops': {
    get: {
      summary: 'Stops',
      auth: 'any',
      response: { status: 200, schema: z.object({ stops: z.array(stop) }) },
    },
  },
};

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

export function buildOpenApi(version: string) {
  const errorSchema = toSchema(apiError, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, methods] of Object.entries(operations)) {
    paths[path] = {};
    for (const [method, op] of Object.entries(methods)) {
      paths[path][method] = {
        summary: op.summary,
        ...(op.auth ? { security: [{ bearer: [] }], description: `Requires: ${op.auth}` } : {}),
        ...(op.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: toSchema(op.body, 'input') } },
              },
            }
          : {}),
        responses: {
          [op.response.status]: {
            description: 'Success',
            ...(op.response.schema
              ? { content: { 'application/json': { schema: toSchema(op.response.schema, 'output') } } }
              : {}),
          },
          default: { description: 'Error', content: { 'application/json': { schema: errorSchema } } },
        },
      };
    }
  }
  return {
    openapi: '3.0.3',
    info: { title: 'KigaliGo API', version },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}

export const openApiRoutes = new Hono<AppEnv>().get('/', (c) => c.json(buildOpenApi(c.var.deps.version)));
