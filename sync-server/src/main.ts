import { configFromEnv } from './config';
import { demoAccounts } from './seed/demo-data';
import { defaultAppsDir, startServer } from './server';

const config = configFromEnv();
// With demo data, the demo moto is on shift downtown at every start, so the first booking finds a vehicle.
const server = await startServer({ ...config, appsDir: defaultAppsDir, demoFleet: config.seed });
const { logger } = server.deps;
logger.info(
  { url: server.url, db: server.deps.database.kind, version: server.deps.version },
  'KigaliGo is up',
);

if (config.seed) {
  // Printed for people, not parsed: the JSON log above is the machine-readable line.
  const lines = demoAccounts.map((a) => `  ${a.role.padEnd(7)} ${a.email.padEnd(26)} ${a.password}`);
  console.log(
    [
      '',
      `KigaliGo is running on ${server.url}  (database: ${server.deps.database.kind})`,
      `  rider app  ${server.url}/`,
      `  driver app ${server.url}/driver/`,
      `  admin app  ${server.url}/admin/`,
      'Demo accounts:',
      ...lines,
      '',
    ].join('\n'),
  );
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const timer = setTimeout(() => {
    logger.error('shutdown took too long; exiting');
    process.exit(1);
  }, 10_000);
  timer.unref();
  await server.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
