import { type CommonKey, type Messages, useI18n } from '@kigaligo/ui';

const en = {
  'app.product': 'Driver',
  'signIn.title': 'Driver sign in',
  'signIn.subtitle': 'Use the driver account your KigaliGo fleet admin created for you.',
  'signIn.help': 'No account yet? Ask your KigaliGo fleet admin to create one.',
  'signIn.wrongRole':
    'This app is for KigaliGo drivers. Riders use the KigaliGo app; admins use the admin console.',
  'home.subtitle': 'Your driver account on this phone.',
  'shift.title': 'Shift status',
  'shift.offDuty': 'Off duty',
  'shift.offDutyHint': "You're not receiving ride requests.",
  'shift.available': 'Available',
  'shift.availableHint': "You're shown as available for rides.",
  'shift.since': 'Since {time}, {date}',
  'shift.start': 'Start taking rides',
  'shift.stop': 'Stop taking rides',
} satisfies Messages;

// Kinyarwanda must cover every key: the type makes a missing translation a compile error.
const rw: Record<keyof typeof en, string> = {
  'app.product': 'Umushoferi',
  'signIn.title': "Kwinjira k'umushoferi",
  'signIn.subtitle': "Koresha konti y'umushoferi wahawe n'umuyobozi wa KigaliGo.",
  'signIn.help': 'Nta konti ufite? Saba umuyobozi wa KigaliGo ayigufungurire.',
  'signIn.wrongRole':
    "Iyi porogaramu ni iy'abashoferi ba KigaliGo. Abagenzi bakoresha porogaramu ya KigaliGo, abayobozi bagakoresha urubuga rw'ubuyobozi.",
  'home.subtitle': "Konti yawe y'umushoferi kuri iyi telefoni.",
  'shift.title': 'Uko uhagaze',
  'shift.offDuty': 'Nturi mu kazi',
  'shift.offDutyHint': "Ntabwo urimo kwakira ubusabe bw'ingendo.",
  'shift.available': 'Uri mu kazi',
  'shift.availableHint': "Ugaragara nk'uwiteguye gutwara abagenzi.",
  'shift.since': 'Kuva saa {time}, {date}',
  'shift.start': 'Tangira gutwara abagenzi',
  'shift.stop': 'Hagarika gutwara abagenzi',
};

export const messages = { en, rw };
export type DriverKey = keyof typeof en | CommonKey;
export const useDriverI18n = () => useI18n<DriverKey>();
