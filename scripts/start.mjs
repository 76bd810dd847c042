// `npm start`: install if needed, build the apps if needed, then run the server (which migrates and seeds).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureAppsBuilt, ensureInstalled, root } from './lib.mjs';

await ensureInstalled();
await ensureAppsBuilt();
const server = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['sync-server/src/main.ts'], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
