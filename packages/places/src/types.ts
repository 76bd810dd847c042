/** What a place is, in the order riders usually mean when a name is ambiguous (a bus park beats a sector). */
export const placeKinds = ['station', 'landmark', 'neighbourhood', 'stop'] as const;
export type PlaceKind = (typeof placeKinds)[number];

export interface Place {
  id: string;
  /** The name shown first (English or the name everyone uses). */
  name: string;
  /** Kinyarwanda names and the words riders actually say ("mu Mujyi", "Kuri 12", "gare ya Nyabugogo"). */
  altNames: string[];
  kind: PlaceKind;
  lat: number;
  lon: number;
  /** Feed stop ids this place stands for (stops with the same name on both sides of a road are one place). */
  stopIds?: string[];
  /** District (akarere) for sectors and landmarks, when known. */
  district?: string;
  /** True when the coordinates are an estimate, not a surveyed or feed position (see the README). */
  approximate?: boolean;
}

export interface PlaceHit extends Place {
  /** Match quality in (0, 1.1]: 1 is an exact name, prefix and typo matches score less. */
  score: number;
}

/** The shipped data file (`public/network/kigali.places.json`). */
export interface PlacesFile {
  version: 1;
  places: Place[];
}
