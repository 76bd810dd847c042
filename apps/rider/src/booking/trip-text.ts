import type { BookingDecision } from '@kigaligo/domain';
import type { Translate } from '@kigaligo/ui';
import { formatRwf } from '../plan/format';
import type { BookingKey } from './booking-messages';
import { type Booking, type BookingStage, rejectReasonKey } from './booking-state';

type T = Translate<BookingKey>;

/** Headline and explanation of a booking's stage, in the rider's words. */
export function stageText(t: T, b: Booking, stage: BookingStage): { title: string; detail: string } {
  const d = b.decision;
  switch (stage) {
    case 'waiting':
      return { title: t('stage.waiting'), detail: t('stage.waitingHint') };
    case 'sent':
      return { title: t('stage.sent'), detail: t('stage.sentHint') };
    case 'cancelling':
      return { title: t('stage.cancelling'), detail: t('stage.cancellingHint') };
    case 'rejected': {
      const key = d?.status === 'rejected' ? rejectReasonKey(d.reason) : null;
      const message = d?.status === 'rejected' ? d.message : '';
      return { title: t('stage.rejected'), detail: key ? t(key) : message };
    }
    case 'cancelled':
      return {
        title: t('tripStatus.cancelled'),
        detail:
          d?.status === 'confirmed' && d.cancellationFee > 0
            ? t('cancel.charged', { fee: formatRwf({ amount: d.cancellationFee }) })
            : '',
      };
    case 'completed':
      return { title: t('tripStatus.completed'), detail: '' };
    default: {
      if (d?.status !== 'confirmed') return { title: t('stage.confirmed'), detail: '' };
      const eta =
        d.tripStatus === 'assigned' || d.tripStatus === 'accepted'
          ? `${t('trip.eta')} ${t('trip.etaMin', { n: d.etaMinutes })}`
          : '';
      return { title: t(`tripStatus.${d.tripStatus}`), detail: eta };
    }
  }
}

/** "Mobile money · Paid", "Cash · Pay the driver in cash", "Card · Paid, RWF 200 refunded". */
export function paymentText(t: T, payment: Extract<BookingDecision, { status: 'confirmed' }>['payment']) {
  const method = t(`book.pay.${payment.method}`);
  const status =
    payment.method === 'cash' && payment.status === 'pending'
      ? t('pay.cashDue')
      : payment.status === 'partially_refunded'
        ? t('pay.partially_refunded', { amount: formatRwf({ amount: payment.refundedAmount }) })
        : t(`pay.${payment.status}`);
  return `${method} · ${status}`;
}

/** "25 Nov 2026, 08:05" in Kigali time. */
export function bookedAt(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'rw' ? 'rw-RW' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Africa/Kigali',
  }).format(new Date(iso));
}
