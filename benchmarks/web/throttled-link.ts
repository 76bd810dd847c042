import { connect, createServer, type Server, type Socket } from 'node:net';

/** A phone's network link: round-trip time and the throughput each way. */
export interface LinkProfile {
  name: string;
  rttMs: number;
  downKbps: number;
  upKbps: number;
}

/**
 * A TCP proxy in front of the server that behaves like one phone's mobile link: every byte, both ways, waits
 * its turn on a shared pipe of the profile's throughput and then half the round trip. Unlike DevTools'
 * per-page throttling it also slows the service worker's own fetches (the precache) and WebSockets, and it
 * counts what really crosses the link: compressed bodies, headers, TLS-free frames, every connection.
 */
export class ThrottledLink {
  received = 0;
  sent = 0;
  connections = 0;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly busyUntil = { down: 0, up: 0 };

  constructor(
    private readonly targetPort: number,
    public profile: LinkProfile | null,
  ) {}

  async listen(): Promise<number> {
    this.server = createServer((client) => this.pipe(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('proxy has no port');
    return address.port;
  }

  /** Zeroes the counters, e.g. between the first visit and the rest of a session. */
  reset(): void {
    this.received = 0;
    this.sent = 0;
    this.connections = 0;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private pipe(client: Socket): void {
    this.connections++;
    const upstream = connect(this.targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.setNoDelay(true);
      s.on('close', () => this.sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      this.sent += chunk.length;
      this.forward('up', chunk, upstream);
    });
    upstream.on('data', (chunk: Buffer) => {
      this.received += chunk.length;
      this.forward('down', chunk, client);
    });
    // A close travels like data: after what was already on the link.
    client.on('end', () => this.forward('up', null, upstream));
    upstream.on('end', () => this.forward('down', null, client));
  }

  /** Serialises `chunk` on the direction's pipe, then delivers it half a round trip later (order kept). */
  private forward(direction: 'down' | 'up', chunk: Buffer | null, to: Socket): void {
    const deliver = () => {
      if (to.destroyed) return;
      if (chunk) to.write(chunk);
      else to.end();
    };
    const p = this.profile;
    if (!p) {
      deliver();
      return;
    }
    const now = performance.now();
    const kbps = direction === 'down' ? p.downKbps : p.upKbps;
    const start = Math.max(now, this.busyUntil[direction]);
    const finish = start + (chunk ? (chunk.length * 8) / kbps : 0);
    this.busyUntil[direction] = finish;
    setTimeout(deliver, finish + p.rttMs / 2 - now);
  }
}
