import { fetchNetworkBundle } from '@kigaligo/client/network-bundle';
import { loadBundle, type Network, planTrip, type Timetable } from '@kigaligo/planner';
import { networkShapes } from './network-geojson';
import type { FromWorker, ToWorker } from './planner-protocol';

// Planning runs here so a RAPTOR search (tens of ms, more for arrive-by) never blocks typing or the map.
const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

const network: Promise<Network> = fetchNetworkBundle('/network/kigali.bundle.json').then((text) => {
  const tt = JSON.parse(text) as Timetable;
  const net = loadBundle(tt);
  scope.postMessage({ type: 'ready', shapes: networkShapes(tt), timeZone: tt.timezone });
  return net;
});
network.catch((err: unknown) => scope.postMessage({ type: 'failed', message: String(err) }));

scope.onmessage = async ({ data }) => {
  if (data.type !== 'plan') return;
  try {
    const net = await network;
    const { from, to, departAt, arriveBy } = data.query;
    const itineraries = planTrip(net, {
      from,
      to,
      ...(arriveBy ? { arriveBy } : { departAt: departAt ?? new Date() }),
    });
    scope.postMessage({ type: 'result', id: data.id, itineraries });
  } catch (err) {
    scope.postMessage({ type: 'error', id: data.id, message: String(err) });
  }
};
