import { afterEach, describe, expect, it, vi } from 'vitest';
import { serviceUrl } from './test-services';

describe('serviceUrl', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('fails in CI when a service the tests need is not configured', () => {
    vi.stubEnv('CI', 'true');
    vi.stubEnv('TEST_REDIS_URL', '');
    expect(() => serviceUrl('TEST_REDIS_URL', 'Redis fan-out')).toThrow(
      /TEST_REDIS_URL is not set: CI must run/,
    );
  });

  it('skips with a printed warning outside CI', () => {
    vi.stubEnv('CI', '');
    vi.stubEnv('TEST_DATABASE_URL', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(serviceUrl('TEST_DATABASE_URL', 'several processes on one Postgres')).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('skipping the tests that need several processes'),
    );
    warn.mockRestore();
  });

  it('hands out the URL when it is set', () => {
    vi.stubEnv('CI', 'true');
    vi.stubEnv('TEST_REDIS_URL', 'redis://127.0.0.1:6379');
    expect(serviceUrl('TEST_REDIS_URL', 'Redis fan-out')).toBe('redis://127.0.0.1:6379');
  });
});
