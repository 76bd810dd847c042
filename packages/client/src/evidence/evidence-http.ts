import type { EvidenceRef } from '@kigaligo/domain';
import { apiRequest } from '../api-routes';
import { authorizedFetch, ensureOk, type FetchDeps } from '../authorized-fetch';

/** The typed route gives the URL; the bytes go out as the raw body, so the request is sent here, not as JSON. */
const path = (method: 'get' | 'put', sha256: string) =>
  apiRequest(method, '/api/evidence/{sha256}', { path: { sha256 } }).path;

/**
 * PUT /api/evidence/<sha256> with the raw bytes and their type. 201 (stored) and 200 (the server had it
 * already) both mean done; the server checks the digest and the type by content.
 */
export async function putEvidence(deps: FetchDeps, ref: EvidenceRef, blob: Blob): Promise<void> {
  const res = await authorizedFetch(deps, path('put', ref.sha256), {
    method: 'PUT',
    headers: { 'content-type': ref.mime, accept: 'application/json' },
    body: blob,
  });
  await ensureOk(res);
  // Drain the body so the connection is reused; its content (the evidenceRef) adds nothing we lack.
  await res.arrayBuffer().catch(() => undefined);
}

/**
 * GET /api/evidence/<sha256> with the access token: evidence is served only to its uploader and admins,
 * never from a public URL, so pages show it through object URLs made from this Blob.
 */
export async function downloadEvidence(deps: FetchDeps, sha256: string): Promise<Blob> {
  const res = await ensureOk(await authorizedFetch(deps, path('get', sha256), { method: 'GET' }));
  const blob = await res.blob();
  const type = res.headers.get('content-type') ?? blob.type;
  return blob.type === type ? blob : new Blob([blob], { type });
}
