import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RetryingDrain } from './retrying-drain';

type Problem = 'offline' | 'server' | null;

/** A drain whose passes each take the next scripted outcome: succeed, back off, or throw. */
function setup(script: ('ok' | 'fail' | 'throw')[] = []) {
  let release: (() => void) | null = null;
  const gate = { held: false };
  const problems: Problem[] = [];
  const delay = vi.fn((_failures: number, _err: unknown) => 1_000);
  const onError = vi.fn((err: unknown) => loop.backOff(err, 'server'));
  let drains = 0;
  const loop: RetryingDrain<Problem> = new RetryingDrain<Problem>({
    drain: async () => {
      drains++;
      if (gate.held) await new Promise<void>((r) => (release = r));
      const step = script.shift() ?? 'ok';
      if (step === 'throw') throw new Error('IndexedDB closed');
      if (step === 'fail') loop.backOff(new Error('502'), 'server');
      else loop.succeeded();
    },
    onError,
    delay,
    onProblem: (p) => problems.push(p),
  });
  return {
    loop,
    delay,
    onError,
    problems,
    drains: () => drains,
    hold: () => {
      gate.held = true;
    },
    release: () => {
      gate.held = false;
      release?.();
    },
  };
}

/** Lets a drain started by `kick()` finish (the fake clock does not move). */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RetryingDrain', () => {
  it('runs nothing and keeps no timer while idle', async () => {
    const { loop, drains } = setup();
    await loop.flush();
    expect(drains()).toBe(1);
    expect(loop.retrying).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('re-runs a drain requested while one was running, once however many kicks came in', async () => {
    const t = setup();
    t.hold();
    const first = t.loop.flush();
    t.loop.kick();
    t.loop.kick();
    const second = t.loop.flush();
    expect(second).toBe(first);
    expect(t.drains()).toBe(1);
    t.release();
    await first;
    expect(t.drains()).toBe(2);
  });

  it('schedules exactly one retry timer after a failure, and plain kicks do not cut it short', async () => {
    const t = setup(['fail', 'ok']);
    await t.loop.flush();
    expect(t.loop.retrying).toBe(true);
    expect(t.loop.getProblem()).toBe('server');
    expect(t.problems).toEqual(['server']);
    expect(vi.getTimerCount()).toBe(1);
    expect(t.delay).toHaveBeenCalledTimes(1);
    expect(t.delay.mock.calls[0]?.[0]).toBe(1);

    t.loop.kick();
    t.loop.kick();
    expect(t.drains()).toBe(1);
    expect(vi.getTimerCount()).toBe(1);

    await vi.advanceTimersByTimeAsync(1_000);
    expect(t.drains()).toBe(2);
    expect(t.loop.retrying).toBe(false);
    expect(t.problems).toEqual(['server', null]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('counts failures in a row for the delay, and a drain that throws backs off through onError', async () => {
    const t = setup(['fail', 'throw']);
    await t.loop.flush();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(t.onError).toHaveBeenCalledTimes(1);
    expect(t.delay.mock.calls.map((c) => c[0])).toEqual([1, 2]);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('does not re-run a drain kicked during a pass that ended in a backoff', async () => {
    const t = setup(['fail']);
    t.hold();
    const running = t.loop.flush();
    t.loop.kick();
    t.release();
    await running;
    expect(t.drains()).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('force skips a running backoff and starts the failure count over', async () => {
    const t = setup(['fail', 'fail', 'fail']);
    await t.loop.flush();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(t.delay.mock.calls.map((c) => c[0])).toEqual([1, 2]);

    t.loop.kick(true);
    await settle();
    expect(t.drains()).toBe(3);
    expect(t.delay.mock.calls.map((c) => c[0])).toEqual([1, 2, 1]);
    expect(vi.getTimerCount()).toBe(1);

    t.loop.kick(true);
    await settle();
    expect(t.drains()).toBe(4);
    expect(t.loop.retrying).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('destroy stops everything: the pending retry, kicks, a requested re-run and error handling', async () => {
    const t = setup(['fail']);
    await t.loop.flush();
    expect(vi.getTimerCount()).toBe(1);
    t.loop.destroy();
    expect(t.loop.destroyed).toBe(true);
    expect(t.loop.retrying).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    t.loop.kick(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.drains()).toBe(1);

    const u = setup(['throw']);
    u.hold();
    const running = u.loop.flush();
    u.loop.kick();
    u.loop.destroy();
    u.release();
    await running;
    expect(u.drains()).toBe(1);
    expect(u.onError).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
