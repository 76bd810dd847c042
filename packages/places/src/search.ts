import { editDistance, typoBudget } from './edit-distance';
import { normalize, tokens } from './normalize';
import type { IndexedPlace, PlacesIndex } from './places-index';
import type { PlaceHit, PlaceKind } from './types';

/** Small tie-breakers: when names match equally, a bus park or landmark is what a rider most likely means. */
const KIND_BONUS: Record<PlaceKind, number> = {
  station: 0.08,
  landmark: 0.05,
  neighbourhood: 0.03,
  stop: 0,
};

/** How well one query token matches one name token: exact 1, prefix 0.9, typo 0.85/0.7 (0 = no match). */
function tokenScore(q: string, name: string, last: boolean): number {
  if (q === name) return 1;
  // Only the token being typed can be a prefix: "nyabugo" is a prefix, "kim remera" is not "kimironko remera".
  if (name.startsWith(q)) return last ? 0.9 : 0.75;
  const budget = typoBudget(q.length);
  if (budget === 0) return 0;
  const whole = editDistance(q, name, budget);
  if (whole <= budget) return 0.85 - 0.1 * (whole - 1);
  if (!last || name.length <= q.length) return 0;
  // A typo inside a half-typed word ("kimirn" for "kimironko"): compare with the name's start.
  const start = editDistance(q, name.slice(0, q.length), budget);
  return start <= budget ? 0.7 - 0.1 * (start - 1) : 0;
}

function nameScore(q: string[], qJoined: string, name: { tokens: string[]; joined: string }): number {
  if (qJoined === name.joined) return 1;
  let sum = 0;
  const used = new Set<number>();
  for (const [i, qt] of q.entries()) {
    let best = 0;
    let at = -1;
    for (const [j, nt] of name.tokens.entries()) {
      if (used.has(j)) continue;
      const s = tokenScore(qt, nt, i === q.length - 1);
      if (s > best) [best, at] = [s, j];
    }
    if (best === 0) return joinedScore(qJoined, name.joined);
    used.add(at);
    sum += best;
  }
  // Names that say more than the query ("Kimironko bus terminal" for "kimironko") rank a little lower.
  const cover = used.size / name.tokens.length;
  return Math.max((sum / q.length) * (0.9 + 0.1 * cover), joinedScore(qJoined, name.joined));
}

/** Spacing typos ("kuri12", "nyabugogo bus park" typed as "nyabugogobus"). */
function joinedScore(q: string, name: string): number {
  if (q.length < 4) return 0;
  if (name.startsWith(q)) return 0.8;
  const budget = typoBudget(q.length);
  return editDistance(q, name.slice(0, q.length), budget) <= budget ? 0.6 : 0;
}

function scorePlace(p: IndexedPlace, q: string[], qJoined: string): number {
  let best = 0;
  for (const name of p.names) {
    // An alternative name matching as well as the main one is still slightly less likely what was meant.
    const s = nameScore(q, qJoined, name) * (name.primary ? 1 : 0.97);
    if (s > best) best = s;
  }
  return best > 0 ? best + KIND_BONUS[p.place.kind] : 0;
}

export interface SearchOptions {
  limit?: number;
  kinds?: readonly PlaceKind[];
}

/** Typo-tolerant place search: accents and case ignored, prefix and small-typo matches, ranked by score. */
export function searchPlaces(index: PlacesIndex, query: string, opts: SearchOptions = {}): PlaceHit[] {
  const q = tokens(query);
  if (q.length === 0) return [];
  const qJoined = normalize(query).replace(/ /g, '');
  const hits: PlaceHit[] = [];
  for (const p of index.places) {
    if (opts.kinds && !opts.kinds.includes(p.place.kind)) continue;
    const score = scorePlace(p, q, qJoined);
    if (score > 0) hits.push({ ...p.place, score: Math.round(score * 1000) / 1000 });
  }
  hits.sort((a, b) => b.score - a.score || a.name.length - b.name.length || a.name.localeCompare(b.name));
  return hits.slice(0, opts.limit ?? 8);
}
