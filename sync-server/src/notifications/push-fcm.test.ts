import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fcmPush } from './push-fcm';
import { fakeFcm, localRoutingAgent, testCertificate, testServiceAccount } from './test-support/fake-fcm';

const tls = testCertificate();

describe.skipIf(!tls)('push through firebase-admin against a local FCM endpoint', () => {
  let fcm: Awaited<ReturnType<typeof fakeFcm>>;
  let push: ReturnType<typeof fcmPush>;
  beforeAll(async () => {
    fcm = await fakeFcm(tls!);
    push = fcmPush({
      serviceAccount: testServiceAccount(),
      httpAgent: localRoutingAgent(fcm.port, tls!.cert),
      // A fixed token: google-auth-library's token exchange does not take firebase-admin's httpAgent.
      credential: {
        getAccessToken: async () => ({ access_token: 'ya29.test-access-token', expires_in: 3600 }),
      },
    });
  });
  afterAll(async () => {
    await push.close();
    await fcm.close();
  });

  it('sends one FCM v1 message per device with the credential access token', async () => {
    const result = await push.handler.deliver(
      {
        tokens: ['device-a', 'device-b'],
        title: 'Your ride is confirmed',
        body: 'Jean is coming',
        data: { kind: 'trip_assigned' },
      },
      'trip:1:assigned:push',
    );
    expect(result).toMatchObject({ provider: 'fcm', sent: 2, deadTokens: [] });
    expect(fcm.sent.map((s) => s.message.token).sort()).toEqual(['device-a', 'device-b']);
    expect(fcm.sent[0]).toMatchObject({
      authorization: 'Bearer ya29.test-access-token',
      path: '/v1/projects/kigaligo-test/messages:send',
      message: {
        notification: { title: 'Your ride is confirmed', body: 'Jean is coming' },
        data: { kind: 'trip_assigned' },
      },
    });
  });

  it('reports tokens FCM calls unregistered as dead, and still counts the message delivered', async () => {
    fcm.state.unregistered.add('uninstalled');
    const result = await push.handler.deliver(
      { tokens: ['uninstalled', 'device-c'], title: 'Trip completed', body: 'Thanks' },
      'k2',
    );
    expect(result).toMatchObject({ sent: 1, deadTokens: ['uninstalled'], failed: 0 });
  });

  it('throws (so the outbox retries) when FCM fails for every device', async () => {
    fcm.state.down = true;
    await expect(
      push.handler.deliver({ tokens: ['device-d'], title: 'Refund issued', body: '500 RWF' }, 'k3'),
    ).rejects.toThrow(/FCM/);
    fcm.state.down = false;
  });
});
