import type { LiveVehicle } from '@kigaligo/domain';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { type BBox, LiveFeed, type LiveSnapshot, type LiveState } from '../live/live-feed';
import { fetchSocketTicket } from '../sync/socket-ticket';
import { useClient } from './client-context';
import { useSession } from './use-session';

/** `http(s)://host` → `ws(s)://host/live`, next to the API like the sync socket. */
export function liveServerUrl(baseUrl: string): string {
  const origin = baseUrl || globalThis.location?.origin || '';
  return `${origin.replace(/^http/, 'ws')}/live`;
}

const empty: LiveSnapshot = { state: 'connecting', vehicles: new Map() };
const noop = () => () => {};

export interface LiveVehicles {
  state: LiveState;
  vehicles: LiveVehicle[];
}

/**
 * Vehicles on the live channel for as long as the component is mounted (one socket per mounted map).
 * `bbox` narrows the feed to an area; change it freely, the socket stays open. With `enabled` false no socket
 * is opened (a screen that needs the feed only in some states, e.g. a trip once its driver comes).
 */
export function useLiveVehicles(bbox: BBox | null = null, enabled = true): LiveVehicles {
  const client = useClient();
  const signedIn = useSession() !== null;
  const [feed, setFeed] = useState<LiveFeed | null>(null);

  useEffect(() => {
    if (!signedIn || !enabled) return;
    const next = new LiveFeed({
      url: liveServerUrl(client.baseUrl),
      getTicket: () => fetchSocketTicket(client.api, 'live'),
    });
    setFeed(next);
    return () => {
      next.close();
      setFeed(null);
    };
  }, [client, signedIn, enabled]);

  const key = bbox?.join(',') ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the box is compared by value through `key`
  useEffect(() => feed?.setBBox(bbox), [feed, key]);

  const snapshot = useSyncExternalStore(feed?.subscribe ?? noop, feed?.getSnapshot ?? (() => empty));
  const vehicles = useMemo(() => [...snapshot.vehicles.values()], [snapshot.vehicles]);
  return { state: snapshot.state, vehicles };
}
