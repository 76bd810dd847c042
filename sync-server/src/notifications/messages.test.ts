import { languages } from '@kigaligo/domain';
import { describe, expect, it } from 'vitest';
import { notificationKinds, renderNotification } from './messages';

const vars = {
  driver: 'Jean',
  plate: 'RD 412 K',
  eta: 4,
  fare: 1500,
  fee: 400,
  amount: 1500,
  reason: 'Detour',
  number: 'KG-20261203-1A2B3C4D',
  from: 'Downtown',
  to: 'Kimironko',
  lines: JSON.stringify([
    { item: 'moto_base', km: 2, amount: 400 },
    { item: 'moto_distance', km: 4.1, amount: 480 },
  ]),
};

describe('notification texts', () => {
  it('every kind is written in every language, with no blank left unfilled', () => {
    for (const kind of notificationKinds) {
      const english = renderNotification(kind, { ...vars, method: 'card' }, 'Aline', 'en');
      for (const language of languages) {
        const { push, email } = renderNotification(kind, { ...vars, method: 'card' }, 'Aline', language);
        expect(`${push.title} ${push.body} ${email.subject} ${email.text}`).not.toMatch(/[{}]/);
        expect(email.text).toContain(push.body);
        expect(email.text).toContain('Aline');
        if (language !== 'en') expect(push.body).not.toBe(english.push.body);
      }
    }
  });

  it('writes amounts as posted fares and names the payment method in the language', () => {
    expect(
      renderNotification('trip_completed', { fare: 12500, method: 'mobile_money' }, 'Aline').push.body,
    ).toBe('Thank you for riding with KigaliGo. Fare RWF 12,500 (mobile money).');
    expect(renderNotification('trip_completed', { fare: 800, method: 'card' }, 'Aline', 'rw').push.body).toBe(
      'Murakoze kugendana na KigaliGo. Igiciro RWF 800 (ikarita).',
    );
  });

  it('writes a receipt with its fare lines in the language', () => {
    const en = renderNotification('payment_receipt', { ...vars, amount: 880, method: 'cash' }, 'Aline');
    expect(en.push.title).toBe('Receipt KG-20261203-1A2B3C4D');
    expect(en.email.text).toContain(
      '- Moto, first 2 km: RWF 400\n- Moto, 4.1 km more: RWF 480\nTotal RWF 880, paid by cash.',
    );
    const rw = renderNotification('payment_receipt', { ...vars, amount: 880, method: 'cash' }, 'Aline', 'rw');
    expect(rw.email.text).toContain('- Moto, km 2 za mbere: RWF 400');
  });

  it('mentions a cancellation fee only when there is one', () => {
    expect(renderNotification('trip_cancelled', { fee: 0 }, 'Aline').push.body).toBe(
      'Your trip was cancelled.',
    );
    expect(renderNotification('trip_cancelled', { fee: 400 }, 'Aline').push.body).toBe(
      'Your trip was cancelled. Cancellation fee RWF 400.',
    );
  });
});
