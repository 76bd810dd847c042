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

  it('mentions a cancellation fee only when there is one', () => {
    expect(renderNotification('trip_cancelled', { fee: 0 }, 'Aline').push.body).toBe(
      'Your trip was cancelled.',
    );
    expect(renderNotification('trip_cancelled', { fee: 400 }, 'Aline').push.body).toBe(
      'Your trip was cancelled. Cancellation fee RWF 400.',
    );
  });
});
