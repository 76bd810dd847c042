import type { EvidenceMime } from '@kigaligo/domain';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useClient } from '../react/client-context';
import { useSession } from '../react/use-session';
import {
  acquireEvidence,
  type EvidenceService,
  type EvidenceSnapshot,
  releaseEvidence,
} from './evidence-service';
import type { EvidenceStatus } from './evidence-store';

/** The signed-in user's evidence store and uploader, shared by every component of the tab. */
export function useEvidence(): EvidenceService | null {
  const client = useClient();
  const userId = useSession()?.user.id ?? null;
  const [service, setService] = useState<EvidenceService | null>(null);
  useEffect(() => {
    if (!userId) return;
    setService(acquireEvidence(client, userId));
    return () => {
      setService(null);
      releaseEvidence(client, userId);
    };
  }, [client, userId]);
  return service;
}

const idle: EvidenceSnapshot = { waiting: 0, problem: null };
const noop = () => () => {};

/** How many files wait to be sent and why (offline, server failing, signed out). */
export function useEvidenceUploads(service: EvidenceService | null): EvidenceSnapshot {
  return useSyncExternalStore(service?.subscribe ?? noop, service?.getSnapshot ?? (() => idle));
}

/** The upload state of each digest (local, queued, uploaded, refused, missing), live across tabs. */
export function useEvidenceStatus(
  service: EvidenceService | null,
  sha256s: readonly string[],
): Record<string, EvidenceStatus> {
  const key = [...sha256s].sort().join(',');
  const [statuses, setStatuses] = useState<Record<string, EvidenceStatus>>({});
  useEffect(() => {
    if (!service || !key) {
      setStatuses({});
      return;
    }
    return service.store.watch(key.split(','), setStatuses);
  }, [service, key]);
  return statuses;
}

export interface EvidenceUrl {
  /** An object URL of the file, revoked when the component lets go of it. */
  url: string | null;
  mime: EvidenceMime | null;
  error: Error | null;
}

/**
 * A URL to show one piece of evidence in an <img> or <video>. The file comes from the device, or is
 * downloaded with the access token (evidence URLs on the server are authorised, so they cannot be used
 * directly as `src`) and kept on the device for next time.
 */
export function useEvidenceUrl(service: EvidenceService | null, sha256: string | null): EvidenceUrl {
  const [state, setState] = useState<EvidenceUrl>({ url: null, mime: null, error: null });
  useEffect(() => {
    if (!service || !sha256) return;
    let url: string | null = null;
    let live = true;
    setState({ url: null, mime: null, error: null });
    service.store.load(sha256).then(
      (blob) => {
        if (!live) return;
        url = URL.createObjectURL(blob);
        setState({ url, mime: blob.type as EvidenceMime, error: null });
      },
      (err: unknown) => {
        if (live)
          setState({ url: null, mime: null, error: err instanceof Error ? err : new Error(String(err)) });
      },
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [service, sha256]);
  return useMemo(() => state, [state]);
}
