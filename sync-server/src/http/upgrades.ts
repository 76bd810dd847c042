import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorBody } from './errors';

/** A WebSocket endpoint: which paths it serves and how it takes over an upgrade request. */
export interface UpgradeEndpoint {
  matches(pathname: string): boolean;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

/** Writes a complete HTTP answer on a raw socket and destroys it once written. */
export function refuseUpgrade(socket: Duplex, status: 400 | 404, code: string, message: string): void {
  const body = JSON.stringify(errorBody(code, message));
  const reason = status === 404 ? 'Not Found' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}

/**
 * The server's one `upgrade` listener (SS11). With any listener attached Node leaves unclaimed upgrade sockets
 * open forever, so every path no endpoint serves is answered 404 and destroyed here.
 */
export function routeUpgrades(server: Server, endpoints: UpgradeEndpoint[]): void {
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const endpoint = endpoints.find((e) => e.matches(pathname));
    if (!endpoint) return refuseUpgrade(socket, 404, 'not_found', `No WebSocket endpoint at ${pathname}`);
    endpoint.handleUpgrade(req, socket, head);
  });
}
