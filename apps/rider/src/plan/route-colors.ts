/**
 * Route chips in a feed's route_color: the feed's route_text_color when it reads well on it, else black or
 * white, whichever contrasts more (WCAG 2 contrast; feeds often pair mid-tone colours with white text).
 */
const MIN_CONTRAST = 4.5;

function luminance(hex: string): number | null {
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** Inline style for a chip of this route, or undefined for the app's own brand chip. */
export function routeChipStyle(
  color?: string,
  textColor?: string,
): { background: string; color: string } | undefined {
  const bg = color === undefined ? null : luminance(color);
  if (bg === null) return undefined;
  const own = textColor === undefined ? null : luminance(textColor);
  if (own !== null && contrast(bg, own) >= MIN_CONTRAST)
    return { background: `#${color}`, color: `#${textColor}` };
  return { background: `#${color}`, color: contrast(bg, 0) >= contrast(bg, 1) ? '#000000' : '#ffffff' };
}
