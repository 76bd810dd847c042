import { configFromEnv } from '../config';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';

const config = configFromEnv();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir! });
await runMigrations(database);
console.log(`migrations applied (${database.kind})`);
await database.close();
