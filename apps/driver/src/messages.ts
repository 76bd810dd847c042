import { type CommonKey, type Messages, useI18n } from '@kigaligo/ui';
import { assignmentEn, assignmentRw } from './assignments/assignment-messages';
import { routeEn, routeRw } from './route/route-messages';
import { statusEn, statusRw } from './status/status-messages';

const en = {
  'app.product': 'Driver',
  'signIn.title': 'Driver sign in',
  'signIn.subtitle': 'Use the driver account your KigaliGo fleet admin created for you.',
  'signIn.help': 'No account yet? Ask your KigaliGo fleet admin to create one.',
  'signIn.wrongRole':
    'This app is for KigaliGo drivers. Riders use the KigaliGo app; admins use the admin console.',
  'home.subtitle': 'Your driver account on this phone.',
  'vehicle.none': 'No vehicle is assigned to you. Ask your fleet admin.',
  'vehicle.pick': 'Vehicle for this shift',
  'vehicle.onShift': 'On shift with {plate}',
  'vehicle.start': 'Start shift',
  'vehicle.end': 'End shift',
  'vehicle.taken': 'Another driver is on shift with this vehicle.',
  'vehicle.offline': 'Starting a shift needs the network.',
  'vehicle.endWaiting':
    '{count} positions are still waiting: they upload when you are back online, and still count for your shift.',
  'vehicle.endConfirm':
    '{count} positions are still on this phone. Keep the app open until they are sent, or end the shift now: they are sent later and still count.',
  'vehicle.drainFirst': 'Keep the app open and send them',
  'vehicle.endAnyway': 'End shift now',
  'vehicle.draining': 'Sending {count} positions… Keep the app open: the shift ends once they are sent.',
  'vehicle.endQueued': 'Shift ended on this phone. The server is told when you are back online.',
  'vehicle.endWaiting.one':
    '{count} position is still waiting: it uploads when you are back online, and still counts for your shift.',
  'vehicle.endConfirm.one':
    '{count} position is still on this phone. Keep the app open until it is sent, or end the shift now: it is sent later and still counts.',
  'vehicle.draining.one': 'Sending {count} position… Keep the app open: the shift ends once it is sent.',
  'vehicle.kind.bus': 'Bus',
  'vehicle.kind.moto': 'Moto',
  'vehicle.kind.car': 'Car',
  'tracking.title': 'Position sharing',
  'tracking.hint':
    'Riders see your vehicle on the live map. Positions are kept on this phone until they upload.',
  'tracking.needShift': 'Start a shift to share your position.',
  'tracking.source': 'Source',
  'tracking.gps': 'This phone’s GPS',
  'tracking.simulate': 'Simulate a drive (demo)',
  'tracking.route': 'Route',
  'tracking.demoRoute': 'Nyabugogo → Kimironko (built in)',
  'tracking.interval': 'One position every',
  'tracking.seconds': '{n} s',
  'tracking.start': 'Start sharing',
  'tracking.stop': 'Stop sharing',
  'tracking.recording': 'Sharing ({source})',
  'tracking.stopped': 'Not sharing',
  'tracking.waiting': 'Waiting to upload',
  'tracking.lastUpload': 'Last upload',
  'tracking.never': 'Never',
  'tracking.rejected': 'Refused by the server',
  'tracking.reason.outside_service_area': 'Outside the service area',
  'tracking.reason.recorded_in_future': "Phone clock ahead: check the phone's time",
  'tracking.reason.malformed': 'Unreadable position',
  'tracking.reason.implausible_jump': 'Impossible jump from the previous position',
  'tracking.reason.outside_shift': 'Recorded while off shift',
  'tracking.reason.past_retention': 'Too old to keep',
  'tracking.problem.offline': 'Offline: positions upload when the network is back.',
  'tracking.problem.signed-out': 'Sign in again to upload your positions.',
  'tracking.problem.refused': 'The server refused the upload (is your shift still on?). Retrying later.',
  'tracking.problem.server': 'The server had a problem. Retrying shortly.',
  'tracking.recordError': 'Could not record a position: {message}',
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
  'vehicle.none': 'Nta kinyabiziga wahawe. Baza umuyobozi wawe.',
  'vehicle.pick': 'Ikinyabiziga cy’uyu munsi',
  'vehicle.onShift': 'Uri mu kazi na {plate}',
  'vehicle.start': 'Tangira akazi',
  'vehicle.end': 'Soza akazi',
  'vehicle.taken': 'Undi mushoferi ari mu kazi n’iki kinyabiziga.',
  'vehicle.offline': 'Gutangira akazi bisaba interineti.',
  'vehicle.endWaiting':
    'Aho wanyuze {count} hategereje koherezwa: hazoherezwa interineti igarutse, kandi hazabarwa mu kazi kawe.',
  'vehicle.endConfirm':
    'Aho wanyuze {count} haracyari kuri iyi telefoni. Reka porogaramu ifunguye kugeza byoherejwe, cyangwa usoze akazi ubu: bizoherezwa nyuma kandi bizabarwa.',
  'vehicle.drainFirst': 'Reka ifunguye byoherezwe',
  'vehicle.endAnyway': 'Soza akazi ubu',
  'vehicle.draining':
    'Turimo kohereza aho wanyuze {count}… Reka porogaramu ifunguye: akazi kazasozwa byoherejwe.',
  'vehicle.endQueued': 'Akazi kasorejwe kuri iyi telefoni. Seriveri izabimenyeshwa interineti igarutse.',
  'vehicle.endWaiting.one':
    'Aho wanyuze {count} hategereje koherezwa: hazoherezwa interineti igarutse, kandi hazabarwa mu kazi kawe.',
  'vehicle.endConfirm.one':
    'Aho wanyuze {count} haracyari kuri iyi telefoni. Reka porogaramu ifunguye kugeza byoherejwe, cyangwa usoze akazi ubu: bizoherezwa nyuma kandi bizabarwa.',
  'vehicle.draining.one':
    'Turimo kohereza aho wanyuze {count}… Reka porogaramu ifunguye: akazi kazasozwa byoherejwe.',
  'vehicle.kind.bus': 'Bisi',
  'vehicle.kind.moto': 'Moto',
  'vehicle.kind.car': 'Imodoka',
  'tracking.title': 'Gusangiza aho uri',
  'tracking.hint':
    'Abagenzi babona ikinyabiziga cyawe ku ikarita. Aho wanyuze habikwa kuri telefoni kugeza hoherejwe.',
  'tracking.needShift': 'Tangira akazi kugira ngo usangize aho uri.',
  'tracking.source': 'Biva he',
  'tracking.gps': 'GPS ya telefoni',
  'tracking.simulate': 'Igerageza ry’urugendo',
  'tracking.route': 'Umuhanda',
  'tracking.demoRoute': 'Nyabugogo → Kimironko (bisanzwe birimo)',
  'tracking.interval': 'Aho uri rimwe buri',
  'tracking.seconds': 'amasegonda {n}',
  'tracking.start': 'Tangira gusangiza',
  'tracking.stop': 'Hagarika gusangiza',
  'tracking.recording': 'Urasangiza ({source})',
  'tracking.stopped': 'Ntabwo urimo gusangiza',
  'tracking.waiting': 'Bitegereje koherezwa',
  'tracking.lastUpload': 'Byoherejwe bwa nyuma',
  'tracking.never': 'Nta na rimwe',
  'tracking.rejected': 'Byanzwe na seriveri',
  'tracking.reason.outside_service_area': 'Hanze y’aho serivisi ikorera',
  'tracking.reason.recorded_in_future': 'Isaha ya telefoni iri imbere: reba isaha ya telefoni',
  'tracking.reason.malformed': 'Aho wari uri ntihasomeka',
  'tracking.reason.implausible_jump': 'Gusimbuka bidashoboka uvuye aho wari uri mbere',
  'tracking.reason.outside_shift': 'Byafashwe utari mu kazi',
  'tracking.reason.past_retention': 'Bishaje cyane ngo bibikwe',
  'tracking.problem.offline': 'Nta interineti: bizoherezwa igarutse.',
  'tracking.problem.signed-out': 'Ongera winjire kugira ngo wohereze aho wanyuze.',
  'tracking.problem.refused': 'Seriveri yanze kwakira (ese uracyari mu kazi?). Tuzongera kugerageza.',
  'tracking.problem.server': 'Seriveri yagize ikibazo. Turongera kugerageza vuba.',
  'tracking.recordError': 'Ntibyashobotse kubika aho uri: {message}',
};

export const messages = {
  en: { ...en, ...assignmentEn, ...statusEn, ...routeEn },
  rw: { ...rw, ...assignmentRw, ...statusRw, ...routeRw },
};
export type DriverKey =
  | keyof typeof en
  | keyof typeof assignmentEn
  | keyof typeof statusEn
  | keyof typeof routeEn
  | CommonKey;
export const useDriverI18n = () => useI18n<DriverKey>();
