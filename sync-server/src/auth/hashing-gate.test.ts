import { describe, expect, it } from 'vitest';
import { DomainError, httpStatusOf } from '../domain-error';
import { HashingGate } from './hashing-gate';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('HashingGate', () => {
  it('runs at most `concurrency` at once, queues a few more, and refuses the rest with 429', async () => {
    const gate = new HashingGate(2, 1);
    const release = deferred();
    let started = 0;
    const work = () =>
      gate.run(async () => {
        started++;
        await release.promise;
      });
    const accepted = [work(), work(), work()];
    await Promise.resolve();
    expect(started).toBe(2);
    const refused = await work().catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DomainError);
    expect(httpStatusOf[(refused as DomainError).kind]).toBe(429);
    expect((refused as DomainError).retryAfterSeconds).toBe(2);
    release.resolve();
    await Promise.all(accepted);
    expect(started).toBe(3);
    expect(gate.peak).toBe(2);
  });

  it('frees its slot when the work fails', async () => {
    const gate = new HashingGate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(async () => 'ok')).resolves.toBe('ok');
  });
});
