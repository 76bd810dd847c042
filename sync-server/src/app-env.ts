import type { LiveVehicle } from '@kigaligo/domain';
import type { Logger } from 'pino';
import type { RateLimiter } from './auth/rate-limit';
import type { AccessClaims } from './auth/tokens';
import type { Database } from './db/client';
import type { NetworkService } from './network/network-service';

/** Everything a request handler may reach, built once at start-up (tests build their own). */
export interface AppDeps {
  database: Database;
  jwtSecret: string;
  logger: Logger;
  version: string;
  /** Trust X-Forwarded-For for the client address (only behind a load balancer that sets it). */
  trustProxy: boolean;
  loginLimits: { perAccount: RateLimiter; perClient: RateLimiter };
  reportError: (err: unknown, context: Record<string, unknown>) => void;
  /** The transit network the planner runs on. */
  network: NetworkService;
  /** Live positions: publish a moved vehicle; read the fleet's current state. */
  live: { publish(vehicle: LiveVehicle): Promise<void>; vehicles: Map<string, LiveVehicle> };
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    auth: AccessClaims;
    requestId: string;
  };
}
