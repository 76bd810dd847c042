import { type Catalogue, formatMessage, type Language } from '@kigaligo/domain';
import type { AlertCondition } from './conditions';

/** What on-call is told when a condition fires and when it clears; `{count}` etc. come from its detail. */
type Keys =
  | `${AlertCondition}.${'firing' | 'resolved'}`
  | `${'outbox_dead_letters' | 'reconcile_failures' | 'authority_alerts_failing'}.firing.one`
  | 'subject.firing'
  | 'subject.resolved'
  | 'runbook';

const en: Record<Keys, string> = {
  'subject.firing': 'KigaliGo alert: {title}',
  'subject.resolved': 'KigaliGo resolved: {title}',
  runbook: 'What to do: docs/operations.md, section "{condition}".',
  'database_unreachable.firing':
    'The database is unreachable from {host}: requests that need it fail with 503.',
  'database_unreachable.resolved': 'The database answers again.',
  'redis_unreachable.firing':
    'Redis is unreachable: sync updates and live positions stop reaching the other server processes.',
  'redis_unreachable.resolved': 'Redis answers again.',
  'server_errors.firing': 'The server answered with unexpected errors (500) in the last 5 minutes.',
  'server_errors.resolved': 'No unexpected server errors for 15 minutes.',
  'outbox_dead_letters.firing':
    '{count} outbox messages were given up on in the last 24 hours (emails, pushes or payments not delivered).',
  'outbox_dead_letters.firing.one':
    '1 outbox message was given up on in the last 24 hours (an email, push or payment not delivered).',
  'outbox_dead_letters.resolved': 'No outbox message given up on in the last 24 hours.',
  'reconcile_failures.firing':
    '{count} synced changes could not be reconciled into the database (retrying over 5 minutes, or refused in the last hour).',
  'reconcile_failures.firing.one':
    '1 synced change could not be reconciled into the database (retrying over 5 minutes, or refused in the last hour).',
  'reconcile_failures.resolved': 'Synced changes reconcile again.',
  'authority_alerts_failing.firing':
    '{count} alerts to the authorities about critical safety reports are failing to send.',
  'authority_alerts_failing.firing.one':
    '1 alert to the authorities about a critical safety report is failing to send.',
  'authority_alerts_failing.resolved': 'Alerts to the authorities are being sent again.',
};

const rw: Record<Keys, string> = {
  'subject.firing': 'Impuruza ya KigaliGo: {title}',
  'subject.resolved': 'Byakemutse kuri KigaliGo: {title}',
  runbook: 'Icyo gukora: docs/operations.md, igice "{condition}".',
  'database_unreachable.firing':
    'Ububiko bw’amakuru ntibugerwaho kuri {host}: ibisabwa bibukeneye binanirwa na 503.',
  'database_unreachable.resolved': 'Ububiko bw’amakuru bwongeye gusubiza.',
  'redis_unreachable.firing':
    'Redis ntigerwaho: impinduka zihuzwa n’aho imodoka ziri ntibigera ku zindi seriveri.',
  'redis_unreachable.resolved': 'Redis yongeye gusubiza.',
  'server_errors.firing': 'Seriveri yasubije amakosa atunguranye (500) mu minota 5 ishize.',
  'server_errors.resolved': 'Nta makosa atunguranye ya seriveri mu minota 15.',
  'outbox_dead_letters.firing':
    'Ubutumwa {count} bwo mu isanduku yoherezwa bwaretswe mu masaha 24 ashize (imeyili, ubutumwa cyangwa ubwishyu bitageze).',
  'outbox_dead_letters.firing.one':
    'Ubutumwa 1 bwo mu isanduku yoherezwa bwaretswe mu masaha 24 ashize (imeyili, ubutumwa cyangwa ubwishyu bitageze).',
  'outbox_dead_letters.resolved': 'Nta butumwa bwaretswe mu masaha 24 ashize.',
  'reconcile_failures.firing':
    'Impinduka {count} zihujwe ntizashoboye kwandikwa mu bubiko (zigeragezwa kurenza iminota 5, cyangwa zanzwe mu isaha ishize).',
  'reconcile_failures.firing.one':
    'Impinduka 1 ihujwe ntiyashoboye kwandikwa mu bubiko (igeragezwa kurenza iminota 5, cyangwa yanzwe mu isaha ishize).',
  'reconcile_failures.resolved': 'Impinduka zihujwe zongeye kwandikwa.',
  'authority_alerts_failing.firing':
    'Impuruza {count} zigenewe inzego zibishinzwe ku byago bikomeye ntiziri koherezwa.',
  'authority_alerts_failing.firing.one':
    'Impuruza 1 igenewe inzego zibishinzwe ku byago bikomeye ntiri koherezwa.',
  'authority_alerts_failing.resolved': 'Impuruza zigenewe inzego zibishinzwe zongeye koherezwa.',
};

const titles: Record<Language, Record<AlertCondition, string>> = {
  en: {
    database_unreachable: 'database unreachable',
    redis_unreachable: 'Redis unreachable',
    server_errors: 'unexpected server errors',
    outbox_dead_letters: 'outbox messages given up on',
    reconcile_failures: 'sync changes not reconciled',
    authority_alerts_failing: 'authority alerts failing',
  },
  rw: {
    database_unreachable: 'ububiko bw’amakuru ntibugerwaho',
    redis_unreachable: 'Redis ntigerwaho',
    server_errors: 'amakosa atunguranye ya seriveri',
    outbox_dead_letters: 'ubutumwa bwaretswe',
    reconcile_failures: 'impinduka zitanditswe',
    authority_alerts_failing: 'impuruza z’inzego zinaniwe',
  },
};

const catalogues: Record<Language, Catalogue> = { en, rw };

export interface AlertText {
  subject: string;
  text: string;
}

/** The page (firing) or the all-clear (resolved) for one condition, in on-call's language. */
export function renderAlert(
  condition: AlertCondition,
  status: 'firing' | 'resolved',
  detail: Record<string, string | number>,
  language: Language,
): AlertText {
  const t = (key: Keys, vars?: Record<string, string | number>) =>
    formatMessage(language, catalogues[language], en, key, vars);
  const subject = t(`subject.${status}`, { title: titles[language][condition] });
  const body = t(`${condition}.${status}`, detail);
  return { subject, text: `${body}\n\n${t('runbook', { condition })}` };
}
