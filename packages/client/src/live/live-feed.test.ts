import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignedOutError } from '../api-error';
import { LiveFeed } from './live-feed';

/** Just enough of a browser WebSocket: the test opens, feeds and closes it by hand. */
class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const moto = (recordedAt: string, lon = 30.06) => ({
  vehicleId: '0b7c5a7e-4f7a-4b43-9a43-2f0c1c3d9e11',
  kind: 'moto',
  plate: 'RD 412 K',
  lat: -1.95,
  lon,
  recordedAt,
  stale: false,
  precision: 'exact',
});

/** A feed whose tickets are `ticket-1`, `ticket-2`, …, unless `getTicket` says otherwise. */
async function feed(getTicket?: () => Promise<string>) {
  FakeSocket.all = [];
  let n = 0;
  const tickets = vi.fn(getTicket ?? (async () => `ticket-${++n}`));
  const f = new LiveFeed({
    url: 'ws://test/live',
    getTicket: tickets,
    WebSocket: FakeSocket as unknown as typeof WebSocket,
    maxBackoffMs: 1000,
  });
  // The socket opens once its ticket has come.
  if (!getTicket) await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
  return { f, tickets, last: () => FakeSocket.all.at(-1)! };
}

afterEach(() => vi.useRealTimers());

describe('LiveFeed', () => {
  it('subscribes on open, takes the snapshot, then moves forward only, marks stale and removes', async () => {
    const { f, last } = await feed();
    expect(last().url).toBe('ws://test/live?ticket=ticket-1');
    last().open();
    expect(last().sent).toEqual([{ type: 'subscribe' }]);
    last().receive({ type: 'snapshot', vehicles: [moto('2026-11-24T08:00:00Z'), { bogus: true }] });
    expect(f.getSnapshot().state).toBe('online');
    expect(f.getSnapshot().vehicles.size).toBe(1);
    last().receive({ type: 'position', vehicle: moto('2026-11-24T08:00:05Z', 30.061) });
    last().receive({ type: 'position', vehicle: moto('2026-11-24T08:00:01Z', 30.0) });
    const v = [...f.getSnapshot().vehicles.values()][0]!;
    expect(v.lon).toBe(30.061);
    // A vehicle turning stale comes as a position with the same time.
    last().receive({ type: 'position', vehicle: { ...moto('2026-11-24T08:00:05Z', 30.061), stale: true } });
    expect([...f.getSnapshot().vehicles.values()][0]!.stale).toBe(true);
    last().receive({ type: 'removed', vehicleId: v.vehicleId });
    expect(f.getSnapshot().vehicles.size).toBe(0);
    f.setBBox([30, -2, 30.1, -1.9]);
    expect(last().sent.at(-1)).toEqual({ type: 'subscribe', bbox: [30, -2, 30.1, -1.9] });
    f.close();
  });

  it('tries one new ticket on 4401, then stops as signed out', async () => {
    const { f, tickets, last } = await feed();
    last().drop(4401);
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(2));
    expect(last().url).toBe('ws://test/live?ticket=ticket-2');
    // Refused again right away: the session is over, no loop.
    last().drop(4401);
    expect(f.getSnapshot().state).toBe('signed-out');
    expect(tickets).toHaveBeenCalledTimes(2);
    f.close();
  });

  it('stops when no ticket can be had because the session is over, and on other 44xx codes', async () => {
    const a = await feed(async () => Promise.reject(new SignedOutError()));
    await vi.waitFor(() => expect(a.f.getSnapshot().state).toBe('signed-out'));
    expect(FakeSocket.all).toHaveLength(0);
    a.f.close();
    const b = await feed();
    b.last().drop(4403);
    expect(b.f.getSnapshot().state).toBe('refused');
    b.f.close();
  });

  it('reconnects with backoff and a new ticket after a network drop', async () => {
    const { f, last } = await feed();
    vi.useFakeTimers();
    last().open();
    last().drop(1006);
    expect(f.getSnapshot().state).toBe('offline');
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.all).toHaveLength(2);
    expect(last().url).toBe('ws://test/live?ticket=ticket-2');
    f.close();
  });

  it('keeps backing off while no ticket can be fetched (offline), and connects once one comes', async () => {
    vi.useFakeTimers();
    let reachable = false;
    const { f, tickets } = await feed(async () => {
      if (!reachable) throw new TypeError('Failed to fetch');
      return 'late-ticket';
    });
    await vi.advanceTimersByTimeAsync(3000);
    expect(tickets.mock.calls.length).toBeGreaterThan(2);
    expect(FakeSocket.all).toHaveLength(0);
    expect(f.getSnapshot().state).toBe('offline');
    reachable = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.all.at(-1)!.url).toBe('ws://test/live?ticket=late-ticket');
    f.close();
  });
});
