/** A box on screen, in CSS pixels (a DOMRect's fields). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GAP = 2;
const overlaps = (a: Box, b: Box) =>
  a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
const moved = (b: Box, dx: number, dy: number): Box => ({
  left: b.left + dx,
  top: b.top + dy,
  right: b.right + dx,
  bottom: b.bottom + dy,
});

/**
 * Where a label goes so no marker covers it: where it is when nothing overlaps it, else just below, above, right
 * or left of the first marker in the way, whichever spot is free of every marker; null when none is.
 */
export function placeLabel(label: Box, markers: readonly Box[]): { dx: number; dy: number } | null {
  const blocker = markers.find((m) => overlaps(label, m));
  if (!blocker) return { dx: 0, dy: 0 };
  const candidates = [
    { dx: 0, dy: blocker.bottom + GAP - label.top },
    { dx: 0, dy: blocker.top - GAP - label.bottom },
    { dx: blocker.right + GAP - label.left, dy: 0 },
    { dx: blocker.left - GAP - label.right, dy: 0 },
  ];
  return candidates.find((c) => !markers.some((m) => overlaps(moved(label, c.dx, c.dy), m))) ?? null;
}

/**
 * Moves (or, with no room, hides) the labels inside `container` that a marker covers. Markers are elements
 * with `data-map-marker`, labels those with `data-map-label`; both are MapLibre HTML markers, which MapLibre
 * positions with `transform`, so the shift goes in the separate `translate` property. Run after each zoom
 * (distances between places change) and whenever markers or labels change.
 */
export function unclutterLabels(container: HTMLElement) {
  const markers = [...container.querySelectorAll<HTMLElement>('[data-map-marker]')].map((el) =>
    el.getBoundingClientRect(),
  );
  for (const el of container.querySelectorAll<HTMLElement>('[data-map-label]')) {
    el.style.translate = '';
    el.style.visibility = '';
    const place = placeLabel(el.getBoundingClientRect(), markers);
    if (!place) el.style.visibility = 'hidden';
    else if (place.dx || place.dy) el.style.translate = `${place.dx}px ${place.dy}px`;
  }
}
