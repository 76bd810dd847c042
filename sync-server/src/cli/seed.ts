import { configFromEnv } from '../config';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { seedDemoData } from '../seed/seed';

const config = configFromEnv();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir! });
await runMigrations(database);
console.log((await seedDemoData(database.db)) ? 'demo data loaded' : 'demo data was already loaded');
await database.close();
