/**
 * The cache key of a byte range of a URL, as the service worker builds it from a Range header
 * (public/map-tiles-sw.js, `mapRangeKey`): a query parameter, since the Cache API ignores fragments and headers.
 */
export function mapRangeKey(url: string, offset: number, length: number): string {
  const range = `bytes=${offset}-${offset + length - 1}`;
  return `${url}${url.includes('?') ? '&' : '?'}kg-range=${encodeURIComponent(range)}`;
}
