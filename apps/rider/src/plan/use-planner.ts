import type { Itinerary } from '@kigaligo/planner';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NetworkShapes } from './network-geojson';
import type { FromWorker, PlanQuery, ToWorker } from './planner-protocol';

type Pending = { resolve(its: Itinerary[]): void; reject(err: Error): void };

/** The planner worker for as long as the screen is open: its network shapes, and `plan()` as a promise. */
export function usePlanner() {
  const worker = useRef<Worker | null>(null);
  const pending = useRef(new Map<number, Pending>());
  const nextId = useRef(1);
  const [shapes, setShapes] = useState<NetworkShapes | null>(null);
  const [failed, setFailed] = useState(false);
  // Kigali's until the network says otherwise.
  const [timeZone, setTimeZone] = useState('Africa/Kigali');

  useEffect(() => {
    const w = new Worker(new URL('./planner.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    const waiting = pending.current;
    w.onmessage = ({ data }: MessageEvent<FromWorker>) => {
      if (data.type === 'ready') {
        setShapes(data.shapes);
        setTimeZone(data.timeZone);
      } else if (data.type === 'failed') setFailed(true);
      else {
        const p = waiting.get(data.id);
        waiting.delete(data.id);
        if (data.type === 'result') p?.resolve(data.itineraries);
        else p?.reject(new Error(data.message));
      }
    };
    return () => {
      w.terminate();
      worker.current = null;
      for (const p of waiting.values()) p.reject(new Error('planner closed'));
      waiting.clear();
    };
  }, []);

  const plan = useCallback(
    (query: PlanQuery) =>
      new Promise<Itinerary[]>((resolve, reject) => {
        const id = nextId.current++;
        pending.current.set(id, { resolve, reject });
        worker.current?.postMessage({ type: 'plan', id, query } satisfies ToWorker);
      }),
    [],
  );
  return { plan, shapes, failed, timeZone };
}
