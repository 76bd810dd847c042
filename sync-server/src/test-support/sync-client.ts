import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A stock y-websocket client in Node, as the apps use it in the browser. */
export function connectClient(
  baseUrl: string,
  docName: string,
  token: string,
  doc = new Y.Doc(),
  extraParams: Record<string, string> = {},
) {
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/sync`, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token, v: '1', ...extraParams },
    maxBackoffTime: 200,
    // Several providers share this process: without this they would sync through BroadcastChannel, not the server.
    disableBc: true,
  });
  return { doc, provider };
}

export function waitFor(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

/** Opens a raw socket and records every message and the close code, for access tests. */
export function rawConnect(baseUrl: string, path: string) {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${path}`);
  const received: Buffer[] = [];
  ws.on('message', (data: Buffer) => received.push(data));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve());
    ws.on('error', reject);
  });
  return { ws, received, closed, opened };
}
