import { z } from 'zod';

// The web apps run under a Content-Security-Policy without 'unsafe-eval' (sync-server/src/http/security-headers.ts).
// Zod probes `new Function` when it builds its first object schema; the probe is caught, yet Chromium still
// reports it as a CSP violation. Jitless mode skips the probe and the eval-compiled fast path the policy forbids
// anyway. Node (the server, tests) keeps the compiled path. This module is the barrel's first export so it runs
// before any schema is built.
const scope = globalThis as { document?: unknown; WorkerGlobalScope?: unknown };
if (scope.document !== undefined || scope.WorkerGlobalScope !== undefined) z.config({ jitless: true });
