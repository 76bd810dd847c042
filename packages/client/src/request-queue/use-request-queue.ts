import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useClient } from '../react/client-context';
import { useSession } from '../react/use-session';
import type { NewRequest } from './request-queue';
import type { QueuedRequest } from './request-queue-database';
import {
  acquireRequestQueue,
  type QueueSnapshot,
  type RequestQueueService,
  releaseRequestQueue,
} from './request-queue-service';

const empty: QueueSnapshot = { requests: [], problem: null };
const noop = () => () => {};

export interface RequestQueueState {
  /** Stores the request on the device and sends it when it can; resolves once it is stored. */
  enqueue(request: NewRequest): Promise<void>;
  /** Requests of this subject not yet accepted: waiting to sync, or refused (with the server's reason). */
  requests: QueuedRequest[];
  problem: QueueSnapshot['problem'];
  dismiss(seq: number): Promise<void>;
  retry(seq: number): Promise<void>;
  ready: boolean;
}

/**
 * The signed-in user's persisted request queue, narrowed to one subject (e.g. `report:<id>`) when given.
 * `onSent` runs after each of that subject's requests the server accepted, to reload what the screen shows.
 */
export function useRequestQueue(
  subject?: string,
  onSent?: (request: QueuedRequest, response: unknown) => void,
): RequestQueueState {
  const client = useClient();
  const userId = useSession()?.user.id ?? null;
  const [service, setService] = useState<RequestQueueService | null>(null);
  useEffect(() => {
    if (!userId) return;
    setService(acquireRequestQueue(client, userId));
    return () => {
      setService(null);
      releaseRequestQueue(client, userId);
    };
  }, [client, userId]);

  const latest = useRef(onSent);
  latest.current = onSent;
  useEffect(
    () =>
      service?.onSent((request, response) => {
        if (subject === undefined || request.subject === subject) latest.current?.(request, response);
      }),
    [service, subject],
  );

  const snapshot = useSyncExternalStore(service?.subscribe ?? noop, service?.getSnapshot ?? (() => empty));
  const requests = useMemo(
    () =>
      subject === undefined ? snapshot.requests : snapshot.requests.filter((r) => r.subject === subject),
    [snapshot.requests, subject],
  );
  const enqueue = useCallback(
    async (request: NewRequest) => {
      if (!service) throw new Error('The request queue is not open yet');
      await service.queue.enqueue(request);
    },
    [service],
  );
  const dismiss = useCallback(async (seq: number) => service?.queue.dismiss(seq), [service]);
  const retry = useCallback(async (seq: number) => service?.queue.retry(seq), [service]);
  return { enqueue, requests, problem: snapshot.problem, dismiss, retry, ready: service !== null };
}
