export { type ApiClient, type ApiClientOptions, createApiClient, type RequestOptions } from './api-client';
export { ApiRequestError, type FieldIssue, NetworkError, SignedOutError, WrongRoleError } from './api-error';
export { type Auth, createAuth } from './auth';
export { type Connectivity, createConnectivity } from './connectivity';
export { createKigaliClient, type KigaliClient, type KigaliClientOptions } from './kigali-client';
export { type CachedEntry, createQueryCache, type QueryCache } from './query-cache';
export { ClientProvider, syncServerUrl, useClient, useSyncEngine } from './react/client-context';
export { type ApiQuery, useApiQuery } from './react/use-api-query';
export { useProfileSync } from './react/use-profile-sync';
export { useOnline, useSession } from './react/use-session';
export { useDocument, useDocumentStatus, useSyncStatus } from './react/use-sync';
export { useYMap, type YMapState } from './react/use-y-map';
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
