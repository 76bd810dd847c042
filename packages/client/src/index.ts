export { type ApiClient, type ApiClientOptions, createApiClient, type RequestOptions } from './api-client';
export { ApiRequestError, type FieldIssue, NetworkError, SignedOutError, WrongRoleError } from './api-error';
export { type Auth, createAuth } from './auth';
export { type Connectivity, createConnectivity } from './connectivity';
export { createKigaliClient, type KigaliClient, type KigaliClientOptions } from './kigali-client';
export {
  type BBox,
  LiveFeed,
  type LiveFeedOptions,
  type LiveSnapshot,
  type LiveState,
} from './live/live-feed';
export { type CachedEntry, createQueryCache, type QueryCache } from './query-cache';
export { ClientProvider, syncServerUrl, useClient, useSyncEngine } from './react/client-context';
export { type ApiQuery, useApiQuery } from './react/use-api-query';
export { type LiveVehicles, liveServerUrl, useLiveVehicles } from './react/use-live-vehicles';
export { useProfileSync } from './react/use-profile-sync';
export { useOnline, useSession } from './react/use-session';
export { useDocument, useDocumentStatus, useSyncStatus } from './react/use-sync';
export { useVehicleTracker } from './react/use-vehicle-tracker';
export { useYMap, type YMapState } from './react/use-y-map';
export { useYMapEntries, type YMapEntriesState } from './react/use-y-map-entries';
export {
  createSessionStore,
  type Session,
  type SessionStore,
  sessionFromAuth,
  storedSession,
} from './session-store';
export { backoffDelay, type ConnectionOptions } from './sync/sync-connection';
export { SyncEngine, type SyncEngineOptions } from './sync/sync-engine';
export type {
  ConnectionState,
  DocSyncStatus,
  SyncErrorReason,
  SyncStatus,
} from './sync/sync-status';
export { SyncedDoc } from './sync/synced-doc';
export { type BundleLike, type NetworkRoute, networkRoutes } from './tracking/network-routes';
export { type Batch, type NewFix, type OutboxState, PositionOutbox } from './tracking/position-outbox';
export { PositionUploader, type UploaderOptions, type UploadProblem } from './tracking/position-uploader';
export {
  distance,
  kigaliDemoStops,
  type LatLon,
  loopRoute,
  pointAlong,
  SIMULATED_SPEED,
} from './tracking/simulated-route';
export { TrackingDatabase } from './tracking/tracking-database';
export { type TrackingSnapshot, type TrackingSource, VehicleTracker } from './tracking/vehicle-tracker';
