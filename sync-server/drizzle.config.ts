import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the one drizzle schema into the repo-root drizzle/ folder.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: '../drizzle',
});
