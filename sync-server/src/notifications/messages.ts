import {
  type Catalogue,
  type FareLine,
  formatMessage,
  type Language,
  type PaymentMethod,
} from '@kigaligo/domain';

/** What users are told, and when. Each kind has one short push text and one email; `vars` fill the blanks. */
export const notificationKinds = [
  'trip_assigned',
  'driver_arriving',
  'trip_completed',
  'trip_cancelled',
  'no_driver_found',
  'payment_failed',
  'refund_issued',
  'duplicate_refunded',
  'report_reply',
  'payment_receipt',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Blanks a notification fills: amounts in RWF as numbers, a payment method by its domain name. */
export type NotificationVars = Record<string, string | number> & { method?: PaymentMethod };

type Keys =
  | `${NotificationKind}.${'title' | 'body'}`
  | 'trip_cancelled.bodyFee'
  | 'refund_issued.bodyNoReason'
  | `method.${PaymentMethod}`
  | `fare.${FareLine['item']}`
  | 'email.text';

const en: Record<Keys, string> = {
  'trip_assigned.title': 'Your ride is confirmed',
  'trip_assigned.body': '{driver} is coming on {plate}, about {eta} min away. Fare {fare}.',
  'driver_arriving.title': 'Your driver is here',
  'driver_arriving.body': '{driver} has arrived at the pickup with {plate}.',
  'trip_completed.title': 'Trip completed',
  'trip_completed.body': 'Thank you for riding with KigaliGo. Fare {fare} ({method}).',
  'trip_cancelled.title': 'Trip cancelled',
  'trip_cancelled.body': 'Your trip was cancelled.',
  'trip_cancelled.bodyFee': 'Your trip was cancelled. Cancellation fee {fee}.',
  'no_driver_found.title': 'No driver found',
  'no_driver_found.body':
    'No driver accepted your ride in time. Nothing was charged. Open the app to try again.',
  'payment_failed.title': 'Payment failed',
  'payment_failed.body':
    'We could not collect {amount} for your trip ({reason}). Open the app to pay another way.',
  'refund_issued.title': 'Refund issued',
  'refund_issued.body': '{amount} is on its way back to you ({method}). Reason: {reason}',
  'refund_issued.bodyNoReason': '{amount} is on its way back to you ({method}).',
  'duplicate_refunded.title': 'You paid twice: refund on its way',
  'duplicate_refunded.body':
    'Your {method} payment of {amount} went through after your trip was already paid another way. We are sending the {amount} back to you; nothing needs doing.',
  'report_reply.title': 'Reply to your safety report',
  'report_reply.body': 'The KigaliGo safety team replied to your report. Open the app to read it.',
  'payment_receipt.title': 'Receipt {number}',
  'payment_receipt.body':
    'Your trip from {from} to {to}:\n{breakdown}\nTotal {amount}, paid by {method}.\nThe receipt, with any refunds, is in the app under your trips.',
  'fare.moto_base': 'Moto, first {km} km',
  'fare.moto_distance': 'Moto, {km} km more',
  'fare.moto_long_distance': 'Moto, {km} km beyond 40 km',
  'fare.car_metered': 'Taxi meter, {km} km',
  'fare.bus_tariff': 'Bus fare, {km} km',
  'fare.cancellation_fee': 'Cancellation fee',
  'method.card': 'card',
  'method.mobile_money': 'mobile money',
  'method.cash': 'cash',
  'email.text': "Hello {name},\n\n{body}\n\nKigaliGo\n(You can turn these emails off in the app's settings.)",
};

const rw: Record<Keys, string> = {
  'trip_assigned.title': 'Urugendo rwawe rwemejwe',
  'trip_assigned.body': '{driver} araje kuri {plate}, asigaje iminota nka {eta}. Igiciro {fare}.',
  'driver_arriving.title': 'Umushoferi wawe yahageze',
  'driver_arriving.body': '{driver} yageze aho agufatira, ari kuri {plate}.',
  'trip_completed.title': 'Urugendo rwarangiye',
  'trip_completed.body': 'Murakoze kugendana na KigaliGo. Igiciro {fare} ({method}).',
  'trip_cancelled.title': 'Urugendo rwahagaritswe',
  'trip_cancelled.body': 'Urugendo rwawe rwahagaritswe.',
  'trip_cancelled.bodyFee': 'Urugendo rwawe rwahagaritswe. Amafaranga yo guhagarika {fee}.',
  'no_driver_found.title': 'Nta mushoferi wabonetse',
  'no_driver_found.body':
    'Nta mushoferi wemeye urugendo rwawe ku gihe. Nta mafaranga yakuweho. Fungura porogaramu wongere ugerageze.',
  'payment_failed.title': 'Kwishyura byanze',
  'payment_failed.body':
    'Ntitwashoboye kwakira {amount} y’urugendo rwawe ({reason}). Fungura porogaramu wishyure ukundi.',
  'refund_issued.title': 'Amafaranga yasubijwe',
  'refund_issued.body': '{amount} arimo kugusubizwa ({method}). Impamvu: {reason}',
  'refund_issued.bodyNoReason': '{amount} arimo kugusubizwa ({method}).',
  'duplicate_refunded.title': 'Wishyuye kabiri: turakugarurira amafaranga',
  'duplicate_refunded.body':
    'Ubwishyu bwawe bwa {amount} ({method}) bwageze nyuma y’uko urugendo rwawe rwari rwamaze kwishyurwa ukundi. Turimo kugusubiza {amount}; nta kindi ukeneye gukora.',
  'report_reply.title': 'Igisubizo kuri raporo yawe',
  'report_reply.body': 'Itsinda ry’umutekano rya KigaliGo ryasubije raporo yawe. Fungura porogaramu urisome.',
  'method.card': 'ikarita',
  'method.mobile_money': 'mobile money',
  'method.cash': 'amafaranga mu ntoki',
  'payment_receipt.title': 'Inyemezabwishyu {number}',
  'payment_receipt.body':
    'Urugendo rwawe kuva {from} ujya {to}:\n{breakdown}\nHamwe {amount}, byishyuwe na {method}.\nInyemezabwishyu, hamwe n’ayasubijwe yose, iri muri porogaramu mu ngendo zawe.',
  'fare.moto_base': 'Moto, km {km} za mbere',
  'fare.moto_distance': 'Moto, izindi km {km}',
  'fare.moto_long_distance': 'Moto, km {km} zirenze km 40',
  'fare.car_metered': 'Mubazi ya tagisi, km {km}',
  'fare.bus_tariff': 'Itike ya bisi, km {km}',
  'fare.cancellation_fee': 'Amafaranga yo guhagarika urugendo',
  'email.text':
    'Muraho {name},\n\n{body}\n\nKigaliGo\n(Ushobora guhagarika izi imeyili mu igenamiterere rya porogaramu.)',
};

const catalogues: Record<Language, Catalogue> = { en, rw };
/** Amounts are whole RWF everywhere, written as fares are posted in Kigali: "RWF 1,500". */
const money = (n: string | number) => `RWF ${Number(n).toLocaleString('en-US')}`;
const moneyVars = ['fare', 'fee', 'amount'] as const;

/** The push and email texts of one notification, in the recipient's language. */
export function renderNotification(
  kind: NotificationKind,
  vars: NotificationVars,
  recipientName: string,
  language: Language = 'en',
) {
  const t = (key: Keys, v?: Record<string, string | number>) =>
    formatMessage(language, catalogues[language], en, key, v);
  const filled: Record<string, string | number> = { ...vars };
  for (const k of moneyVars) if (vars[k] !== undefined) filled[k] = money(vars[k]);
  if (vars.method) filled.method = t(`method.${vars.method}`);
  // A receipt lists its fare lines (JSON in `lines`), each named in the recipient's language.
  if (kind === 'payment_receipt' && typeof vars.lines === 'string')
    filled.breakdown = (JSON.parse(vars.lines) as FareLine[])
      .map((l) => `- ${t(`fare.${l.item}`, { km: l.km ?? '' })}: ${money(l.amount)}`)
      .join('\n');
  const title = t(`${kind}.title`, filled);
  // A cancellation with a fee says how much; without one, the fee is not mentioned at all.
  const withFee = kind === 'trip_cancelled' && Number(vars.fee ?? 0) > 0;
  // A refund made at the card provider (Stripe Dashboard) comes with no reason in the rider's language.
  const noReason = kind === 'refund_issued' && !vars.reason;
  const body = t(
    withFee ? 'trip_cancelled.bodyFee' : noReason ? 'refund_issued.bodyNoReason' : `${kind}.body`,
    filled,
  );
  return {
    push: { title, body },
    email: {
      subject: `KigaliGo: ${title}`,
      text: t('email.text', { name: recipientName, body }),
    },
  };
}
