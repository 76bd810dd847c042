// Child process of `pnpm bench tracking`: a share of the /live subscribers, so reading thousands of frames is
// spread over several processes and the bench's one event loop is not what the fan-out latency measures.
// Arrival times are read as `performance.timeOrigin + performance.now()`, comparable across processes.
import WebSocket from 'ws';

export type SubscriberCommand =
  | { type: 'subscribe'; urls: string[]; deflate: boolean }
  | { type: 'report' }
  | { type: 'close' };

export type SubscriberReply =
  | { type: 'subscribed'; open: number }
  | { type: 'arrivals'; arrivals: Record<string, number[]> }
  | { type: 'error'; message: string };

const reply = (m: SubscriberReply) => process.send?.(m);
const now = () => performance.timeOrigin + performance.now();
const sockets: WebSocket[] = [];
/** A position's recordedAt → when each subscriber here received it. */
const arrivals = new Map<string, number[]>();

function open(url: string, deflate: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: deflate });
    ws.on('message', (d: Buffer) => {
      const at = now();
      const m = JSON.parse(d.toString()) as { type: string; vehicle?: { recordedAt: string } };
      if (m.type === 'snapshot') resolve();
      else if (m.type === 'position' && m.vehicle) {
        const list = arrivals.get(m.vehicle.recordedAt);
        if (list) list.push(at);
        else arrivals.set(m.vehicle.recordedAt, [at]);
      }
    });
    // The app subscribes as soon as the socket opens; a silent socket is closed at the handshake deadline.
    ws.on('open', () => ws.send(JSON.stringify({ type: 'subscribe' })));
    ws.on('error', reject);
    sockets.push(ws);
  });
}

process.on('message', async (m: SubscriberCommand) => {
  try {
    if (m.type === 'subscribe') {
      for (let i = 0; i < m.urls.length; i += 250)
        await Promise.all(m.urls.slice(i, i + 250).map((u) => open(u, m.deflate)));
      reply({ type: 'subscribed', open: sockets.length });
    } else if (m.type === 'report') {
      reply({ type: 'arrivals', arrivals: Object.fromEntries(arrivals) });
    } else {
      for (const ws of sockets) ws.terminate();
      process.exit(0);
    }
  } catch (err) {
    reply({ type: 'error', message: String(err) });
  }
});
process.on('disconnect', () => process.exit(0));
