export { type ApiClient, type ApiClientOptions, createApiClient, type RequestOptions } from './api-client';
export { ApiRequestError, type FieldIssue, NetworkError, SignedOutError, WrongRoleError } from './api-error';
export {
  type ApiMethod,
  type ApiPath,
  type ApiRequest,
  apiGet,
  apiRequest,
  type PathsFor,
  type RouteInput,
} from './api-routes';
export { type Auth, createAuth, type MfaAnswer } from './auth';
export { authorizedFetch, ensureOk, type FetchDeps } from './authorized-fetch';
export { type Connectivity, createConnectivity } from './connectivity';
export {
  type DocRef,
  docName,
  driverDocKeys,
  rejectionKey,
  reportDoc,
  reportDocKeys,
  riderDocKeys,
} from './documents';
export type { EvidenceRow, UploadState } from './evidence/evidence-database';
export { sha256Hex } from './evidence/evidence-hash';
export {
  checkEvidenceSize,
  type EvidenceProblem,
  EvidenceRejected,
  evidenceLimits,
  fitWithin,
  sniffEvidence,
} from './evidence/evidence-limits';
export { EvidenceService, type EvidenceSnapshot } from './evidence/evidence-service';
export { type EvidenceStatus, EvidenceStore } from './evidence/evidence-store';
export { EvidenceUploader, type EvidenceUploadProblem } from './evidence/evidence-uploader';
export {
  classifyFailure,
  type FailureAction,
  isInProgress,
  retryDelay,
  sendUntilAnswered,
} from './evidence/retry-policy';
export {
  type EvidenceUrl,
  useEvidence,
  useEvidenceStatus,
  useEvidenceUploads,
  useEvidenceUrl,
} from './evidence/use-evidence';
export { createKigaliClient, type KigaliClient, type KigaliClientOptions } from './kigali-client';
export {
  type BBox,
  LiveFeed,
  type LiveFeedOptions,
  type LiveSnapshot,
  type LiveState,
} from './live/live-feed';
export { fetchNetworkBundle, NETWORK_BUNDLE_URL, NETWORK_CACHE } from './network-bundle';
export { PasskeyCancelledError, passkeysSupported } from './passkey-ceremony';
export { type ForegroundPush, onForegroundPush } from './push/foreground-push';
export {
  type PushEnvironment,
  type PushRegistration,
  registerForPush,
  sandboxToken,
} from './push/push-registration';
export { type CachedEntry, createQueryCache, type QueryCache } from './query-cache';
export { ClientProvider, syncServerUrl, useClient, useSyncEngine } from './react/client-context';
export { type ApiQuery, useApiQuery } from './react/use-api-query';
export { useDocumentRejection } from './react/use-document-rejection';
export {
  readStoredReportDoc,
  useDriverDoc,
  useReportDoc,
  useRiderDoc,
  useStoredReportDoc,
} from './react/use-feature-docs';
export { type LiveVehicles, liveServerUrl, useLiveVehicles } from './react/use-live-vehicles';
export { useMfa } from './react/use-mfa';
export {
  useLanguageOnServer,
  useNotificationPreferences,
  usePushRegistration,
} from './react/use-notifications';
export { useProfileSync } from './react/use-profile-sync';
export { useOnline, useSession } from './react/use-session';
export { useSessions } from './react/use-sessions';
export { readStoredDocument, type StoredDocument, useStoredDocument } from './react/use-stored-document';
export { useDocument, useDocumentStatus, useSyncStatus } from './react/use-sync';
export { useVehicleTracker } from './react/use-vehicle-tracker';
export { useYArray, type YArrayState, yToJson } from './react/use-y-array';
export { useYMap, type YMapState } from './react/use-y-map';
export { useYMapEntries, type YMapEntriesState } from './react/use-y-map-entries';
export { type NewRequest, type QueueProblem, RequestQueue } from './request-queue/request-queue';
export { type QueuedRequest, RequestQueueDatabase } from './request-queue/request-queue-database';
export { type RequestQueueState, useRequestQueue } from './request-queue/use-request-queue';
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
export {
  type BundleLike,
  type NetworkRoute,
  networkRoutes,
  type RouteDirection,
  routeDirections,
} from './tracking/network-routes';
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
