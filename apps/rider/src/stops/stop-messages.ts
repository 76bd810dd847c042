// Strings of the stop departures screen; merged into the rider app's messages (messages.ts).

export const stopEn = {
  'stop.back': 'Back',
  'stop.title': 'Departures',
  'stop.loading': 'Loading departures…',
  'stop.none': 'No departures in the next 24 hours.',
  'stop.unknown': 'This stop is not in the bus network.',
  'stop.failed': 'Departures could not be loaded. Connect once to download the bus network.',
  'stop.offline': 'Offline: these are scheduled times, not live ones.',
  'stop.list': 'Next departures',
  'stop.now': 'now',
  'stop.inMin': 'in {n} min',
  'stop.live': 'Live',
  'stop.scheduled': 'Scheduled',
  'stop.scheduledWas': 'scheduled {time}',
  'stop.towards': 'to {headsign}',
  'stop.open': 'Departures at {stop}',
  'stop.legLive': 'the bus leaves at {time}',
} as const;

export const stopRw: Record<keyof typeof stopEn, string> = {
  'stop.back': 'Subira inyuma',
  'stop.title': 'Imodoka zigenda',
  'stop.loading': 'Turimo gushaka imodoka zigenda…',
  'stop.none': 'Nta modoka igenda mu masaha 24 ari imbere.',
  'stop.unknown': 'Iyi sitasiyo ntiri mu murongo wa bisi.',
  'stop.failed':
    'Ntibyashobotse kubona imodoka zigenda. Fungura interineti rimwe ngo umurongo wa bisi ujye muri telefone.',
  'stop.offline': 'Nta interineti: aya ni amasaha ateganyijwe, si ay’ako kanya.',
  'stop.list': 'Imodoka zikurikira',
  'stop.now': 'ubu',
  'stop.inMin': 'mu minota {n}',
  'stop.live': 'Ako kanya',
  'stop.scheduled': 'Byateganyijwe',
  'stop.scheduledWas': 'yari iteganyijwe {time}',
  'stop.towards': 'yerekeza {headsign}',
  'stop.open': 'Imodoka zigenda kuri {stop}',
  'stop.legLive': 'bisi ihaguruka saa {time}',
};
