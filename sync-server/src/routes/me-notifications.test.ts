import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { outbox, pushTokens } from '../db/schema';
import { createLogger } from '../logger';
import { notifyUser } from '../notifications/notify-user';
import { fcmPush } from '../notifications/push-fcm';
import {
  fakeFcm,
  localRoutingAgent,
  testCertificate,
  testServiceAccount,
} from '../notifications/test-support/fake-fcm';
import { OutboxWorker } from '../outbox/outbox-worker';
import { sandbox } from '../outbox/providers';
import { outboxRow } from '../payments/test-support/payment-harness';
import { demoUserId, insertTrip } from '../payments/test-support/trip-fixture';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';

const tls = testCertificate();

describe.each(testDatabaseKinds)('push registration and notification preferences on %s', (kind) => {
  let t: TestApp;
  let rider: string;
  let riderId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    rider = (await t.loginAs('rider')).accessToken;
    riderId = await demoUserId(t.database.db, 'rider');
  });
  afterAll(() => t.dispose());

  it('registers, moves and removes device tokens', async () => {
    expect(
      (await t.request('POST', '/api/me/push-tokens', { body: { token: 'sandbox-web-1', platform: 'web' } }))
        .status,
    ).toBe(401);
    expect(
      (
        await t.request('POST', '/api/me/push-tokens', {
          token: rider,
          body: { token: 'x', platform: 'web' },
        })
      ).status,
    ).toBe(400);
    const res = await t.request('POST', '/api/me/push-tokens', {
      token: rider,
      body: { token: 'sandbox-web-1', platform: 'web' },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ token: 'sandbox-web-1', platform: 'web' });
    // Registering again (every app start) keeps one row; another user signing in on the device takes it over.
    await t.request('POST', '/api/me/push-tokens', {
      token: rider,
      body: { token: 'sandbox-web-1', platform: 'web' },
    });
    const driver = (await t.loginAs('driver')).accessToken;
    await t.request('POST', '/api/me/push-tokens', {
      token: driver,
      body: { token: 'sandbox-web-1', platform: 'web' },
    });
    const rows = await t.database.db.select().from(pushTokens).where(eq(pushTokens.token, 'sandbox-web-1'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.userId).toBe(await demoUserId(t.database.db, 'driver'));
    // The rider can no longer remove it; the driver can.
    await t.request('DELETE', '/api/me/push-tokens/sandbox-web-1', { token: rider });
    expect(
      await t.database.db.select().from(pushTokens).where(eq(pushTokens.token, 'sandbox-web-1')),
    ).toHaveLength(1);
    expect((await t.request('DELETE', '/api/me/push-tokens/sandbox-web-1', { token: driver })).status).toBe(
      204,
    );
    expect(
      await t.database.db.select().from(pushTokens).where(eq(pushTokens.token, 'sandbox-web-1')),
    ).toHaveLength(0);
  });

  it('preferences decide which channels notifyUser uses', async () => {
    expect(
      await (await t.request('GET', '/api/me/notification-preferences', { token: rider })).json(),
    ).toEqual({ push: true, email: true });
    await t.request('POST', '/api/me/push-tokens', {
      token: rider,
      body: { token: 'sandbox-web-rider', platform: 'web' },
    });
    const put = await t.request('PUT', '/api/me/notification-preferences', {
      token: rider,
      body: { push: true, email: false },
    });
    expect(await put.json()).toEqual({ push: true, email: false });
    expect(
      (await t.request('PUT', '/api/me/notification-preferences', { token: rider, body: { push: 'yes' } }))
        .status,
    ).toBe(400);
    await t.database.db.transaction((tx) =>
      notifyUser(
        tx as Db,
        riderId,
        'refund_issued',
        { amount: 500, method: 'card', reason: 'Detour' },
        'pref-test',
      ),
    );
    const keys = (await t.database.db.select().from(outbox)).map((m) => m.idempotencyKey);
    expect(keys).toContain('pref-test:push');
    expect(keys).not.toContain('pref-test:email');
    const [push] = await t.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.idempotencyKey, 'pref-test:push'));
    expect(push!.payload).toMatchObject({ tokens: ['sandbox-web-rider'], title: 'Refund issued' });
  });

  it('a push says what a tap opens: the trip by its booking id, or the report', async () => {
    const trip = await insertTrip(t.database.db);
    const reportId = '6f9619ff-8b86-4d11-b42d-00c04fc964ff';
    await t.database.db.transaction(async (tx) => {
      await notifyUser(tx as Db, riderId, 'trip_completed', { fare: 1500, method: 'cash' }, 'opens-trip', {
        tripId: trip.id,
      });
      await notifyUser(tx as Db, riderId, 'report_reply', { reportId }, 'opens-report', { reportId });
    });
    const data = async (key: string) =>
      ((await outboxRow(t, `${key}:push`))!.payload as { data: Record<string, string> }).data;
    expect(await data('opens-trip')).toMatchObject({ kind: 'trip_completed', intentId: trip.intentId });
    expect(await data('opens-report')).toEqual({ kind: 'report_reply', reportId });
  });

  it('push and email are written in the language the user last chose in an app', async () => {
    expect((await t.request('PUT', '/api/me/language', { body: { language: 'rw' } })).status).toBe(401);
    const bad = await t.request('PUT', '/api/me/language', { token: rider, body: { language: 'fr' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'validation_failed' } });
    const put = await t.request('PUT', '/api/me/language', { token: rider, body: { language: 'rw' } });
    expect(await put.json()).toEqual({ language: 'rw' });
    await t.request('PUT', '/api/me/notification-preferences', {
      token: rider,
      body: { push: true, email: true },
    });
    const notify = (key: string) =>
      t.database.db.transaction((tx) =>
        notifyUser(
          tx as Db,
          riderId,
          'refund_issued',
          { amount: 1500, method: 'cash', reason: 'Detour' },
          key,
        ),
      );
    const payload = async (key: string) =>
      (await t.database.db.select().from(outbox).where(eq(outbox.idempotencyKey, key)))[0]!.payload;
    await notify('lang-rw');
    expect(await payload('lang-rw:push')).toMatchObject({
      title: 'Amafaranga yasubijwe',
      body: 'RWF 1,500 arimo kugusubizwa (amafaranga mu ntoki). Impamvu: Detour',
    });
    expect(await payload('lang-rw:email')).toMatchObject({ subject: 'KigaliGo: Amafaranga yasubijwe' });
    await t.request('PUT', '/api/me/language', { token: rider, body: { language: 'en' } });
    await notify('lang-en');
    expect(await payload('lang-en:push')).toMatchObject({
      title: 'Refund issued',
      body: 'RWF 1,500 is on its way back to you (cash). Reason: Detour',
    });
  });

  it('push config is sandbox without FCM, the web config with it', async () => {
    expect(await (await t.request('GET', '/api/push/config', { token: rider })).json()).toEqual({
      mode: 'sandbox',
    });
    expect((await t.request('GET', '/api/push/config')).status).toBe(401);
    const fcmConfig = {
      mode: 'fcm' as const,
      firebase: { apiKey: 'AIza-test', projectId: 'kigaligo-test', appId: '1:2:web:3' },
      vapidKey: 'BPublicKey',
    };
    const withFcm = await createTestApp(kind, { pushConfig: fcmConfig });
    try {
      const token = (await withFcm.loginAs('rider')).accessToken;
      expect(await (await withFcm.request('GET', '/api/push/config', { token })).json()).toEqual(fcmConfig);
    } finally {
      await withFcm.dispose();
    }
  });

  describe.skipIf(!tls)('through FCM', () => {
    it('the outbox delivers push through firebase-admin and forgets tokens FCM calls dead', async () => {
      const fcm = await fakeFcm(tls!);
      const push = fcmPush({
        serviceAccount: testServiceAccount(),
        httpAgent: localRoutingAgent(fcm.port, tls!.cert),
        credential: { getAccessToken: async () => ({ access_token: 'ya29.outbox', expires_in: 3600 }) },
      });
      try {
        await t.request('POST', '/api/me/push-tokens', {
          token: rider,
          body: { token: 'fcm-gone', platform: 'web' },
        });
        await t.request('POST', '/api/me/push-tokens', {
          token: rider,
          body: { token: 'fcm-live', platform: 'web' },
        });
        fcm.state.unregistered.add('fcm-gone');
        await t.database.db.transaction((tx) =>
          notifyUser(tx as Db, riderId, 'payment_failed', { amount: 1500, reason: 'declined' }, 'fcm-test'),
        );
        const worker = new OutboxWorker(
          t.database.db,
          { email: sandbox, push: push.handler },
          createLogger('silent'),
        );
        await worker.runOnce();
        const [row] = await t.database.db
          .select()
          .from(outbox)
          .where(eq(outbox.idempotencyKey, 'fcm-test:push'));
        expect(row).toMatchObject({ status: 'sent', result: { provider: 'fcm', deadTokens: ['fcm-gone'] } });
        const failedPushes = fcm.sent.filter(
          (s) => (s.message.data as { kind?: string }).kind === 'payment_failed',
        );
        expect(failedPushes.map((s) => s.message.token)).toContain('fcm-live');
        expect(failedPushes.map((s) => s.message.token)).not.toContain('fcm-gone');
        expect(
          await t.database.db.select().from(pushTokens).where(eq(pushTokens.token, 'fcm-gone')),
        ).toHaveLength(0);
      } finally {
        await push.close();
        await fcm.close();
      }
    });
  });
});
