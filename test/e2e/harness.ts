import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningServer, startServer } from '@kigaligo/sync-server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { migratedPgliteDump } from '../../sync-server/src/test-support/test-databases';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

export interface TestServer {
  url: string;
  /** The server's database, for setting up what a test needs (e.g. a paid trip) and checking what was stored. */
  db(): RunningServer['deps']['database']['db'];
  close(): Promise<void>;
}

/**
 * A real server on a free port with its own empty PGlite database, the demo accounts and the built apps;
 * `options` adds configuration (e.g. `map`, as MAP_STYLE_URL would).
 */
export async function startTestServer(
  appsDir = join(root, 'apps'),
  options: Partial<Parameters<typeof startServer>[0]> = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kigaligo-e2e-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    appsDir,
    seed: true,
    logLevel: 'warn',
    startFrom: await migratedPgliteDump(),
    ...options,
  });
  return {
    url: server.url,
    db: () => server.deps.database.db,
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RestartableServer extends TestServer {
  /** Stops the server but keeps its database, as a crash or a deploy would. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  restart(): Promise<void>;
  /** As TestServer's; throws while stopped. */
}

/**
 * A free port below Linux's ephemeral range (32768–60999). A port the kernel handed out (port 0) is free for
 * anyone while the server is stopped: another test's server or an outgoing connection's source port takes it,
 * and the restart fails with EADDRINUSE. Ports below the range are only ever taken on purpose.
 */
async function freePortBelowEphemeral(): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const probe = createServer();
    const free = await new Promise<boolean>((resolve) => {
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
    if (attempt >= 50) throw new Error('no free port below the ephemeral range');
  }
}

/** Like startTestServer, but can be stopped and started again at the same address with the same data. */
export async function startRestartableServer(appsDir = join(root, 'apps')): Promise<RestartableServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kigaligo-e2e-'));
  // The dump starts the first server only: the restart finds the data directory made and keeps it.
  const startFrom = await migratedPgliteDump();
  const options = { host: '127.0.0.1', dataDir, appsDir, seed: true, logLevel: 'warn', startFrom };
  const port = await freePortBelowEphemeral();
  let server: Awaited<ReturnType<typeof startServer>> | null = await startServer({ ...options, port });
  return {
    url: server.url,
    async stop() {
      await server?.close();
      server = null;
    },
    async restart() {
      server ??= await startServer({ ...options, port });
    },
    db() {
      if (!server) throw new Error('the server is stopped');
      return server.deps.database.db;
    },
    async close() {
      await server?.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  // MapLibre needs WebGL; with the GPU disabled Chromium only offers it through SwiftShader when allowed.
  '--enable-unsafe-swiftshader',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

export const phone = { width: 390, height: 844 };
export const desktop = { width: 1280, height: 800 };

/** A fresh context per test: no service worker, storage or cache leaks from one test into the next. */
export async function openPage(browser: Browser, viewport = phone): Promise<TestPage> {
  const context = await browser.newContext({ viewport, locale: 'en-GB', serviceWorkers: 'allow' });
  const page = await context.newPage();
  return { context, page, errors: collectErrors(page) };
}

/**
 * A browser with a real (non-incognito) profile in a fresh user-data-dir. Contexts from `browser.newContext()`
 * are off-the-record, and Chrome never offers to install an app there (installability error "in-incognito").
 */
export async function openProfilePage(viewport = phone): Promise<TestPage & { close(): Promise<void> }> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'kigaligo-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    args,
    viewport,
    locale: 'en-GB',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = collectErrors(page);
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * Waits until this app's own service worker (sw.js next to its manifest) controls the page and the background
 * tier is on the device: the first complete visit, after which the app works offline. On /driver/ the
 * rider's worker (scope /) may control the page first, so "some controller" is not enough.
 */
export async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(
    () => {
      const manifest = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      const own = manifest && new URL('sw.js', manifest.href).href;
      // clients.claim() runs while the worker is still 'activating': wait for the end of its activation too.
      const controller = navigator.serviceWorker.controller;
      // The install precaches the shell; the rest (packages/ui background-tier.ts) follows once the first
      // screen is idle, and only then is the visit complete for offline use.
      const complete = document.documentElement.dataset.backgroundTier === 'cached';
      return controller?.scriptURL === own && controller.state === 'activated' && complete;
    },
    null,
    { timeout: 30_000 },
  );
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration(location.href);
    return { scope: reg?.scope, state: reg?.active?.state, scriptURL: reg?.active?.scriptURL };
  });
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join(tmpdir(), `kigaligo-${name}.png`), fullPage: true });
}
