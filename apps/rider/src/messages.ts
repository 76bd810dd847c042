import { type CommonKey, type Messages, useI18n } from '@kigaligo/ui';
import { bookingEn, bookingRw } from './booking/booking-messages';
import { planEn, planRw } from './plan/plan-messages';
import { reportEn, reportRw } from './reports/report-messages';
import { stopEn, stopRw } from './stops/stop-messages';

const en = {
  'signIn.title': 'Welcome back',
  'signIn.subtitle': 'Sign in to get around Kigali by moto, taxi or bus.',
  'signIn.new': 'New to KigaliGo?',
  'signIn.create': 'Create an account',
  'signIn.wrongRole':
    'This app is for riders. Drivers sign in to KigaliGo Driver and admins to the KigaliGo admin console.',
  'signIn.or': 'or',
  'signIn.withProvider': 'Continue with {name}',
  'signIn.providerOffline': 'Signing in with {name} needs the network.',
  'signIn.providerWorking': 'Signing you in…',
  'signIn.providerError.expired': 'That sign-in took too long or was already used. Try again.',
  'signIn.providerError.denied': 'The sign-in was cancelled at the provider.',
  'signIn.providerError.failed': 'The provider’s answer could not be checked. Try again.',
  'signIn.providerError.provider_unavailable':
    'The sign-in provider cannot be reached right now. Try again later.',
  'signIn.providerError.email_not_verified':
    'The provider has not verified your email address, so it cannot sign you in to KigaliGo. Verify it there, or sign in with your password.',
  'signIn.providerError.staff_account':
    'This email belongs to a KigaliGo driver or admin account: sign in with its password in the driver app or admin console.',
  'signIn.providerError.account_suspended': 'This account is suspended.',
  'register.title': 'Create your account',
  'register.subtitle': 'It takes a minute. Your phone number helps drivers reach you.',
  'register.submit': 'Create account',
  'register.have': 'Already have an account?',
  'register.passwordHint': 'At least 8 characters',
  'register.phoneHint': 'Rwandan mobile, e.g. +250 788 123 456',
  'home.subtitle': 'Moto, taxi and bus trips across Kigali.',
  'push.open': 'Open',
  'push.dismiss': 'Dismiss',
  'trips.title': 'Your trips',
  'trips.empty': 'No trips yet',
  'trips.emptyHint': 'Trips you take with KigaliGo will appear here.',
  'places.title': 'Your places',
  'places.intro':
    'Save the places you go most, in words a driver knows. They follow you to any phone you sign in on.',
  'places.home': 'Home',
  'places.work': 'Work',
  'places.homeExample': 'e.g. Kimironko, near the market',
  'places.workExample': 'e.g. Kigali Heights, Kimihurura',
  'places.save': 'Save places',
} satisfies Messages;

// Kinyarwanda must cover every key: the type makes a missing translation a compile error.
const rw: Record<keyof typeof en, string> = {
  'signIn.title': 'Murakaza neza',
  'signIn.subtitle': 'Injira ugende muri Kigali kuri moto, muri tagisi cyangwa muri bisi.',
  'signIn.new': 'Uri mushya kuri KigaliGo?',
  'signIn.create': 'Fungura konti',
  'signIn.wrongRole':
    "Iyi porogaramu ni iy'abagenzi. Abashoferi binjira muri KigaliGo Driver, abayobozi bakinjira ku rubuga rw'ubuyobozi.",
  'signIn.or': 'cyangwa',
  'signIn.withProvider': 'Komeza na {name}',
  'signIn.providerOffline': 'Kwinjira ukoresheje {name} bisaba interineti.',
  'signIn.providerWorking': 'Turimo kukwinjiza…',
  'signIn.providerError.expired': 'Kwinjira byatinze cyane cyangwa byari byakoreshejwe. Ongera ugerageze.',
  'signIn.providerError.denied': 'Kwinjira byahagaritswe ku rubuga wakoresheje.',
  'signIn.providerError.failed': 'Igisubizo cy’urubuga wakoresheje ntikigenzuwe. Ongera ugerageze.',
  'signIn.providerError.provider_unavailable':
    'Urubuga rwo kwinjiriramo ntirubonetse ubu. Uzongere ugerageze nyuma.',
  'signIn.providerError.email_not_verified':
    'Urubuga wakoresheje ntirwemeje imeri yawe, bityo ntirushobora kukwinjiza muri KigaliGo. Yemeze aho, cyangwa winjire ukoresheje ijambo ry’ibanga.',
  'signIn.providerError.staff_account':
    'Iyi meri ni iya konti y’umushoferi cyangwa y’umuyobozi wa KigaliGo: injira ukoresheje ijambo ryayo ry’ibanga muri porogaramu y’abashoferi cyangwa iy’ubuyobozi.',
  'signIn.providerError.account_suspended': 'Iyi konti yarahagaritswe.',
  'register.title': 'Fungura konti yawe',
  'register.subtitle': 'Bifata umunota umwe. Nimero ya telefoni ifasha abashoferi kukubona.',
  'register.submit': 'Fungura konti',
  'register.have': 'Usanzwe ufite konti?',
  'register.passwordHint': 'Nibura inyuguti 8',
  'register.phoneHint': 'Nimero yo mu Rwanda, urugero +250 788 123 456',
  'home.subtitle': 'Ingendo za moto, tagisi na bisi muri Kigali.',
  'push.open': 'Fungura',
  'push.dismiss': 'Funga',
  'trips.title': 'Ingendo zawe',
  'trips.empty': 'Nta rugendo urakora',
  'trips.emptyHint': 'Ingendo uzakora na KigaliGo zizagaragara hano.',
  'places.title': 'Aho ujya kenshi',
  'places.intro':
    'Bika aho ujya kenshi, mu magambo umushoferi yumva. Bigukurikira kuri telefoni yose winjiriyeho.',
  'places.home': 'Mu rugo',
  'places.work': 'Ku kazi',
  'places.homeExample': "urugero: Kimironko, hafi y'isoko",
  'places.workExample': 'urugero: Kigali Heights, Kimihurura',
  'places.save': 'Bika',
};

export const messages = {
  en: { ...en, ...planEn, ...bookingEn, ...reportEn, ...stopEn },
  rw: { ...rw, ...planRw, ...bookingRw, ...reportRw, ...stopRw },
};
export type RiderKey =
  | keyof typeof en
  | keyof typeof planEn
  | keyof typeof bookingEn
  | keyof typeof reportEn
  | keyof typeof stopEn
  | CommonKey;
export const useRiderI18n = () => useI18n<RiderKey>();
