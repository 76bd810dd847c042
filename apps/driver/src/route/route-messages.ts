// Strings of the bus route picker; merged into the driver app's messages (messages.ts).
export const routeEn = {
  'route.pick': 'Route you are driving',
  'route.set': 'Set route',
  'route.change': 'Change route',
  'route.off': 'Off route',
  'route.running': 'Running {line} → {headsign}, the {time} departure',
  'route.hint': 'Riders and departure boards match your bus to this route’s timetable.',
  'route.loading': 'Loading the routes…',
  'route.error.no_trip': 'No trip of this route and direction leaves within 30 minutes of now.',
  'route.error.offline': 'Setting the route needs the network.',
  'route.error.other': 'The route could not be set. Try again.',
} as const;

export const routeRw: Record<keyof typeof routeEn, string> = {
  'route.pick': 'Umuhanda utwaramo',
  'route.set': 'Emeza umuhanda',
  'route.change': 'Hindura umuhanda',
  'route.off': 'Nta muhanda',
  'route.running': 'Utwara {line} → {headsign}, urugendo rwa {time}',
  'route.hint': 'Abagenzi n’ibyapa by’amasaha bahuza bisi yawe n’amasaha y’uyu muhanda.',
  'route.loading': 'Imihanda irimo kuza…',
  'route.error.no_trip':
    'Nta rugendo rw’uyu muhanda n’iki cyerekezo ruhaguruka mu minota 30 iri imbere cyangwa ishize.',
  'route.error.offline': 'Kwemeza umuhanda bisaba interineti.',
  'route.error.other': 'Umuhanda ntiwemejwe. Ongera ugerageze.',
};
