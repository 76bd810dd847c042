import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle } from '@kigaligo/planner';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStartingAt } from '../../sync-server/src/realtime/route-run';
import {
  hasChromium,
  launchBrowser,
  openPage,
  root,
  signIn,
  startTestServer,
  type TestServer,
} from './harness';

// Issue 14: a bus driver says which route and direction they run; the server matches the bus to the
// scheduled trip (for GTFS-Realtime and riders' departure boards) and the app shows which one.
const network = loadBundle(readFileSync(join(root, 'public/network/kigali.bundle.json'), 'utf8'));

describe.skipIf(!hasChromium)('a bus driver’s route in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('picks a route at shift start, shows the matched departure, and goes off route', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${server.url}/driver/`);
    await signIn(page, 'driver@demo.kigaligo.rw', 'kigali-driver');
    const bus = await page.locator('#kg-vehicle-pick option', { hasText: 'RAE 540 Q' }).getAttribute('value');
    await page.getByLabel('Vehicle for this shift').selectOption(bus!);
    await page.getByRole('button', { name: 'Start shift' }).click();
    await page.getByText('On shift with RAE 540 Q').waitFor();

    // The picker lists every route and direction of the active network; the test takes one running now
    // (at night none is, and the driver is told so).
    const picker = page.getByLabel('Route you are driving');
    await picker.waitFor();
    const directions = network.patterns.map((p) => ({
      line: network.timetable.routes[p.route]!.shortName,
      routeId: network.timetable.routes[p.route]!.id,
      headsign: p.headsign,
    }));
    expect(await picker.locator('option').count()).toBe(
      new Set(directions.map((d) => `${d.routeId}/${d.headsign}`)).size,
    );
    const running = directions.find((d) => runStartingAt(network, d.routeId, d.headsign, new Date()));
    const choice = running ?? directions[0]!;
    await picker.selectOption({ label: `${choice.line} → ${choice.headsign}` });
    await page.getByRole('button', { name: 'Set route' }).click();
    if (!running) {
      await page.getByText('No trip of this route and direction leaves within 30 minutes of now.').waitFor();
      await context.close();
      return;
    }
    const shown = page
      .getByTestId('bus-route')
      .getByText(`Running ${choice.line} → ${choice.headsign}, the `);
    await shown.waitFor();
    const tripId = await page.getByTestId('bus-route').getAttribute('data-trip-id');
    const matched = runStartingAt(network, choice.routeId, choice.headsign, new Date())!;
    expect(tripId).toBe(network.patterns[matched.run.pattern]!.tripIds[matched.run.trip]);

    await page.getByRole('button', { name: 'Off route' }).click();
    await page.getByRole('button', { name: 'Set route' }).waitFor();
    await context.close();
  });
});
