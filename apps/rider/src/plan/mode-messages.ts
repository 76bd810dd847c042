import type { TransitMode } from '@kigaligo/planner';

// Names of the transit modes a feed's route_type can give (see @kigaligo/planner route-modes), in both languages.
export const modeEn: Record<`mode.${TransitMode}`, string> = {
  'mode.tram': 'Tram',
  'mode.subway': 'Metro',
  'mode.rail': 'Train',
  'mode.bus': 'Bus',
  'mode.ferry': 'Ferry',
  'mode.cable_car': 'Cable car',
  'mode.gondola': 'Gondola',
  'mode.funicular': 'Funicular',
  'mode.trolleybus': 'Trolleybus',
  'mode.monorail': 'Monorail',
};

export const modeRw: Record<keyof typeof modeEn, string> = {
  'mode.tram': 'Tramu',
  'mode.subway': "Gari ya moshi yo munsi y'ubutaka",
  'mode.rail': 'Gari ya moshi',
  'mode.bus': 'Bisi',
  'mode.ferry': 'Ubwato',
  'mode.cable_car': "Imodoka ikururwa n'umugozi",
  'mode.gondola': 'Akazu ko mu kirere kagenda ku mugozi',
  'mode.funicular': "Gari izamuka umusozi ikuruwe n'umugozi",
  'mode.trolleybus': "Bisi y'amashanyarazi",
  'mode.monorail': "Gari ya moshi y'umurongo umwe",
};
