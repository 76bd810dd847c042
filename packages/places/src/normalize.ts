/**
 * Folds a name or query to what riders mean: no accents or case, apostrophes dropped ("cy'indege" →
 * "cyindege"), punctuation as spaces, and letters split from digits so "KK12", "kk 12" and "Kuri12" all give
 * the same tokens as the signs.
 */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/(\p{L})(\d)/gu, '$1 $2')
    .replace(/(\d)(\p{L})/gu, '$1 $2')
    .replace(/[^\p{L}\d]+/gu, ' ')
    .trim();
}

export function tokens(text: string): string[] {
  const n = normalize(text);
  return n ? n.split(' ') : [];
}
