import { randomUUID } from 'node:crypto';
import type { EvidenceRef } from '@kigaligo/domain';
import { docName, reportDoc, reportDocKeys } from '@kigaligo/sync-protocol';
import { sha256 } from './evidence-samples';
import { connectClient, waitFor } from './sync-client';

/** A report document open on a stock sync client, as the rider app writes it. */
export async function openReport(baseUrl: string, token: string, reportId = randomUUID()) {
  const name = docName(reportDoc(reportId));
  const client = connectClient(baseUrl, name, token);
  await waitFor(() => client.provider.synced, 10_000, 'report document sync');
  return {
    reportId,
    docName: name,
    ...client,
    write(fields: Record<string, unknown>, evidence: EvidenceRef[] = []) {
      client.doc.transact(() => {
        const map = client.doc.getMap(reportDocKeys.report);
        for (const [k, v] of Object.entries(fields)) map.set(k, v);
        const list = client.doc.getArray(reportDocKeys.evidence);
        if (evidence.length > 0) list.push(evidence);
      });
    },
    server: () => client.doc.getMap(reportDocKeys.server).toJSON() as Record<string, unknown>,
    replies: () => client.doc.getArray(reportDocKeys.replies).toJSON() as Record<string, unknown>[],
    close: () => client.provider.destroy(),
  };
}

export const reportFields = (over: Record<string, unknown> = {}) => ({
  category: 'harassment',
  description: 'The driver shouted at me and refused to stop.',
  occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
  location: { lat: -1.9441, lon: 30.0619 },
  anonymous: false,
  submittedAt: new Date().toISOString(),
  ...over,
});

export function evidenceRefOf(bytes: Uint8Array, mime: EvidenceRef['mime']): EvidenceRef {
  return { sha256: sha256(bytes), mime, bytes: bytes.length };
}

export async function uploadEvidence(baseUrl: string, token: string, bytes: Uint8Array, mime: string) {
  return fetch(`${baseUrl}/api/evidence/${sha256(bytes)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': mime },
    body: bytes,
  });
}

/** A JSON API caller for a listening test server. */
export function api(baseUrl: string) {
  return async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    // biome-ignore lint/suspicious/noExplicitAny: tests assert the shape.
    return { status: res.status, body: (await res.json().catch(() => null)) as any };
  };
}
