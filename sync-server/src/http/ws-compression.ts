import type { PerMessageDeflateOptions } from 'ws';

/**
 * permessage-deflate for /sync (browsers offer it by themselves; /live declines it, see live-hub.ts). Measured with `pnpm bench wire`
 * (docs/benchmarks.md, "WebSocket frames"): /live frames and small document updates are a few hundred bytes
 * that repeat their keys, so compressing each on its own barely pays (≈ 7 % on updates); keeping the context
 * between messages saves about three quarters. The context costs memory per socket, so its window and hash
 * table are small (2 KiB windows, memLevel 4: by zlib's formula ≈ 16 KiB to deflate and ≈ 9 KiB to inflate per
 * socket, allocated once it first compresses or receives a compressed frame).
 */
export const perMessageDeflate: PerMessageDeflateOptions = {
  // Below this a frame is sent as it is: deflate's few bytes of framing would eat the gain.
  threshold: 64,
  serverMaxWindowBits: 11,
  // Browsers offer client_max_window_bits; this is what the server then asks of them.
  clientMaxWindowBits: 11,
  zlibDeflateOptions: { level: 6, memLevel: 4 },
};
