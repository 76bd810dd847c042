export { LANDMARKS } from './data/landmarks';
export { SECTORS } from './data/sectors';
export { distanceMeters, nearestStops } from './nearest';
export { normalize, tokens } from './normalize';
export { buildIndex, type IndexedPlace, loadPlaces, type PlacesIndex } from './places-index';
export { type SearchOptions, searchPlaces } from './search';
export { type Place, type PlaceHit, type PlaceKind, type PlacesFile, placeKinds } from './types';
