import { normalize, tokens } from './normalize';
import type { Place, PlacesFile } from './types';

interface IndexedName {
  tokens: string[];
  /** The name without spaces, so "kuri12" or "nyabugogobuspark" still match. */
  joined: string;
  primary: boolean;
}

export interface IndexedPlace {
  place: Place;
  names: IndexedName[];
}

/** Places with their names pre-tokenised: built once, searched on every keystroke. */
export interface PlacesIndex {
  places: IndexedPlace[];
}

export function buildIndex(places: Place[]): PlacesIndex {
  return {
    places: places.map((place) => ({
      place,
      names: [place.name, ...place.altNames].map((n, i) => {
        const t = tokens(n);
        return { tokens: t, joined: normalize(n).replace(/ /g, ''), primary: i === 0 };
      }),
    })),
  };
}

/**
 * Loads the index from the data file's contents (a string or the parsed JSON), so the apps (after a fetch or
 * from the service worker's cache) and the server (after reading the file) share one loader.
 */
export function loadPlaces(data: string | PlacesFile): PlacesIndex {
  const file = (typeof data === 'string' ? JSON.parse(data) : data) as PlacesFile;
  if (file === null || typeof file !== 'object' || file.version !== 1 || !Array.isArray(file.places)) {
    throw new Error('not a KigaliGo places file (version 1)');
  }
  for (const p of file.places) {
    if (typeof p.id !== 'string' || typeof p.name !== 'string' || !Number.isFinite(p.lat + p.lon)) {
      throw new Error(`places file: bad entry ${JSON.stringify(p).slice(0, 80)}`);
    }
  }
  return buildIndex(file.places);
}
