import { create } from 'qrcode';
import { useMemo } from 'react';

/**
 * A QR code drawn in the browser as SVG from the text itself: the authenticator secret it carries never leaves
 * the device for an image service, and it needs no network (nor an inline-script or data: image CSP exception).
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => qrPath(text), [text]);
  const quiet = 4; // The quiet zone the QR standard asks for around the symbol, in modules.
  const box = size + quiet * 2;
  return (
    <svg
      className="kg-qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${box} ${box}`}
      width={box * 5}
      height={box * 5}
      shapeRendering="crispEdges"
    >
      <rect width={box} height={box} fill="#fff" />
      <path d={path} transform={`translate(${quiet} ${quiet})`} fill="#000" />
    </svg>
  );
}

/** One square sub-path per dark module; medium error correction, as authenticator apps scan it well. */
export function qrPath(text: string): { size: number; path: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  let path = '';
  for (let row = 0; row < modules.size; row += 1)
    for (let col = 0; col < modules.size; col += 1)
      if (modules.get(row, col)) path += `M${col} ${row}h1v1h-1z`;
  return { size: modules.size, path };
}
