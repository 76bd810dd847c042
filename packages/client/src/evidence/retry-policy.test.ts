import { describe, expect, it } from 'vitest';
import { ApiRequestError, NetworkError, parseRetryAfter, SignedOutError } from '../api-error';
import { classifyFailure, retryDelay, sendUntilAnswered } from './retry-policy';

const http = (status: number) => new ApiRequestError(status, `http_${status}`, 'x');

describe('classifyFailure', () => {
  it('waits for the network when the request never reached the server', () => {
    expect(classifyFailure(new NetworkError(new TypeError('fetch failed')))).toBe('offline');
  });

  it('retries server failures and throttling', () => {
    for (const status of [500, 502, 503, 504, 408, 429]) expect(classifyFailure(http(status))).toBe('retry');
  });

  it('keeps refusals (bad type, too large, wrong digest, invalid transition) without retrying them', () => {
    for (const status of [400, 403, 404, 409, 413, 415, 422])
      expect(classifyFailure(http(status))).toBe('refused');
  });

  it('retries an answer that asks to be asked again (409 in progress with Retry-After), never refuses it', () => {
    expect(classifyFailure(new ApiRequestError(409, 'request_in_progress', 'x', [], 1000))).toBe('retry');
    // A proxy that strips the header does not turn "in progress" into a refusal either.
    expect(classifyFailure(new ApiRequestError(409, 'request_in_progress', 'x'))).toBe('retry');
    expect(classifyFailure(new ApiRequestError(409, 'invalid_transition', 'x'))).toBe('refused');
  });

  it('stops for a session that is over', () => {
    expect(classifyFailure(new SignedOutError())).toBe('signed-out');
    expect(classifyFailure(http(401))).toBe('signed-out');
  });
});

describe('retryDelay', () => {
  it('grows exponentially from under a second and stops at the cap', () => {
    const max = () => 1; // the top of the jitter range
    expect(retryDelay(1, 60_000, max)).toBe(800);
    expect(retryDelay(2, 60_000, max)).toBe(1_600);
    expect(retryDelay(5, 60_000, max)).toBe(12_800);
    expect(retryDelay(20, 60_000, max)).toBe(60_000);
    expect(retryDelay(20, 5_000, max)).toBe(5_000);
  });

  it('waits at least what the server asked for in Retry-After, within the cap', () => {
    const asked = (ms: number) => new ApiRequestError(409, 'request_in_progress', 'x', [], ms);
    expect(retryDelay(1, 60_000, () => 0, asked(5_000))).toBe(5_000);
    expect(retryDelay(5, 60_000, () => 1, asked(1_000))).toBe(12_800);
    expect(retryDelay(1, 10_000, () => 0, asked(120_000))).toBe(10_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('1')).toBe(1_000);
    expect(parseRetryAfter('Wed, 02 Dec 2026 05:00:10 GMT', Date.parse('2026-12-02T05:00:00Z'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it('jitters each delay between half and all of it, so devices do not retry in step', () => {
    expect(retryDelay(3, 60_000, () => 0)).toBe(1_600);
    expect(retryDelay(3, 60_000, () => 1)).toBe(3_200);
  });
});

describe('sendUntilAnswered', () => {
  const inProgress = () => new ApiRequestError(409, 'request_in_progress', 'x', [], 1000);

  it('sends again after Retry-After while the first try is in progress, and returns the answer', async () => {
    const answers: unknown[] = [inProgress(), inProgress(), { refund: { id: 'r1' } }];
    const waited: number[] = [];
    let sent = 0;
    const answer = await sendUntilAnswered(
      async () => {
        const next = answers[sent++];
        if (next instanceof Error) throw next;
        return next;
      },
      { wait: async (ms) => void waited.push(ms), random: () => 0.5 },
    );
    expect(answer).toEqual({ refund: { id: 'r1' } });
    expect(sent).toBe(3);
    expect(waited.every((ms) => ms >= 1000)).toBe(true);
  });

  it('does not resend a refusal or a network failure, and gives up after its attempts', async () => {
    const refused = new ApiRequestError(422, 'idempotency_key_reused', 'x');
    let sent = 0;
    const fail = (err: Error) => async () => {
      sent++;
      throw err;
    };
    const wait = async () => {};
    await expect(sendUntilAnswered(fail(refused), { wait })).rejects.toBe(refused);
    await expect(sendUntilAnswered(fail(new NetworkError(new TypeError('x'))), { wait })).rejects.toThrow(
      NetworkError,
    );
    expect(sent).toBe(2);
    sent = 0;
    await expect(sendUntilAnswered(fail(inProgress()), { wait, attempts: 3 })).rejects.toMatchObject({
      code: 'request_in_progress',
    });
    expect(sent).toBe(3);
  });
});
