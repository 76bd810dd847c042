import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ArchiveServer {
  /** The archive's URL, as MAP_PMTILES_URL would name it. */
  url: string;
  /** Range requests answered so far. */
  requests: number;
  /** Holds each range answer this long: a slow connection, to cancel a download midway. */
  delayMs: number;
  close(): Promise<void>;
}

/**
 * Serves one file the way a static host or object store serves a PMTiles archive: single byte ranges with 206,
 * an ETag, and CORS for the apps' origin (another origin, like a real tile host). Port 0: the OS picks.
 */
export async function serveArchive(bytes: Buffer, name = 'kigali.pmtiles'): Promise<ArchiveServer> {
  const etag = `"${bytes.length.toString(16)}"`;
  const state = { requests: 0, delayMs: 0 };
  const server = createServer(async (req, res) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'range, if-match',
      'access-control-expose-headers': 'etag, content-range, content-length',
    };
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    if (req.url !== `/${name}`) return res.writeHead(404, cors).end();
    const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    if (!range) return res.writeHead(200, { ...cors, etag, 'content-length': bytes.length }).end(bytes);
    state.requests++;
    if (state.delayMs) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    const start = Number(range[1]);
    const end = Math.min(Number(range[2]), bytes.length - 1);
    res.writeHead(206, {
      ...cors,
      etag,
      'content-type': 'application/octet-stream',
      'content-range': `bytes ${start}-${end}/${bytes.length}`,
      'content-length': end - start + 1,
    });
    res.end(bytes.subarray(start, end + 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${name}`,
    get requests() {
      return state.requests;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections would otherwise keep answering ranges after the "host" went away.
        server.closeAllConnections();
      }),
  };
}
