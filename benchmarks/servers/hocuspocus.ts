// Child process: @hocuspocus/server with @hocuspocus/extension-database storing into one Postgres table.
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import postgres from 'postgres';
import { runAsChild } from '../lib/child-process';

const databaseUrl = process.env.BENCH_CHILD_DATABASE_URL;
if (!databaseUrl) throw new Error('the Hocuspocus baseline needs BENCH_CHILD_DATABASE_URL (Postgres)');
const count = Number(process.env.BENCH_USERS ?? '0');

// Same pool size as our server's postgres client (sync-server/src/db/client.ts).
const sql = postgres(databaseUrl, { max: 10, onnotice: () => {} });
await sql`create table if not exists hocuspocus_documents (name text primary key, data bytea not null)`;

const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => {
        const [row] = await sql<
          { data: Buffer }[]
        >`select data from hocuspocus_documents where name = ${documentName}`;
        return row ? new Uint8Array(row.data) : null;
      },
      store: async ({ documentName, state }) => {
        await sql`insert into hocuspocus_documents (name, data) values (${documentName}, ${state})
          on conflict (name) do update set data = excluded.data`;
      },
    }),
  ],
});
await server.listen();

const names = Array.from({ length: count }, (_, i) => `doc-${i}`);
runAsChild(
  {
    port: server.address.port,
    docNames: names,
    // One socket per client; the document name travels in every message instead.
    paths: names.map(() => '/'),
    persistence:
      'Postgres via extension-database: whole document state upserted, debounced (defaults 2 s, max 10 s)',
  },
  async () => {
    await server.destroy();
    await sql.end({ timeout: 5 });
  },
);
