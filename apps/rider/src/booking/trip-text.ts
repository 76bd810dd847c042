import { type BookingDecision, MAX_OFFERS_PER_TRIP, secondsLeft } from '@kigaligo/domain';
import type { Translate } from '@kigaligo/ui';
import { formatRwf } from '../plan/format';
import type { BookingKey } from './booking-messages';
import { type Booking, type BookingStage, rejectReasonKey } from './booking-state';

type T = Translate<BookingKey>;

/** What the trip page knows beyond the booking: the clock (offer countdowns) and the live ETA, if any. */
export interface StageContext {
  now?: Date;
  /** Minutes from the vehicle's latest live position (live-eta.ts); null without one. */
  liveEta?: number | null;
}

/** Headline and explanation of a booking's stage, in the rider's words. */
export function stageText(
  t: T,
  b: Booking,
  stage: BookingStage,
  { now = new Date(), liveEta = null }: StageContext = {},
): { title: string; detail: string } {
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
      return { title: t(`tripStatus.${d.tripStatus}`), detail: confirmedDetail(t, d, now, liveEta) };
    }
  }
}

/**
 * While dispatch searches, what it is doing (which driver is asked, for how long, that it moves on when they
 * do not answer); once a driver comes, the minutes left — from the live position when there is one, else
 * the figure dispatch quoted.
 */
function confirmedDetail(
  t: T,
  d: Extract<BookingDecision, { status: 'confirmed' }>,
  now: Date,
  liveEta: number | null,
): string {
  switch (d.tripStatus) {
    case 'requested':
      return t('trip.searchingNext');
    case 'assigned': {
      if (!d.offer) return '';
      const seconds = secondsLeft(d.offer.expiresAt, now);
      return seconds > 0
        ? t('trip.offerWait', { attempt: d.offer.attempt, max: MAX_OFFERS_PER_TRIP, seconds })
        : t('trip.searchingNext');
    }
    case 'accepted':
      return `${t('trip.eta')} ${t('trip.etaMin', { n: liveEta ?? d.etaMinutes })}`;
    case 'in_progress':
      return liveEta === null ? '' : `${t('trip.etaDestination')} ${t('trip.etaMin', { n: liveEta })}`;
    default:
      return '';
  }
}

/** "Mobile money · Paid", "Cash · Pay the driver in cash", "Card · Paid, RWF 200 refunded". */
export function paymentText(t: T, payment: Extract<BookingDecision, { status: 'confirmed' }>['payment']) {
  const method = t(`book.pay.${payment.method}`);
  const status =
    payment.method === 'cash' && payment.status === 'pending'
      ? t('pay.cashDue')
      : payment.method === 'card' && (payment.status === 'pending' || payment.status === 'processing')
        ? t('pay.cardDue')
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
