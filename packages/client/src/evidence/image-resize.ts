import { EvidenceRejected, evidenceLimits, fitWithin } from './evidence-limits';

/**
 * A photo re-encoded on the device as a JPEG whose longest side is at most `maxSide`. Re-encoding always
 * (even a small JPEG) also drops the EXIF block, which often carries the GPS position where the photo was
 * taken — location is personal data (Law 058/2021) and the report has its own, chosen, location.
 */
export async function resizeImage(
  input: Blob,
  maxSide: number = evidenceLimits.maxImageSide,
  quality: number = evidenceLimits.jpegQuality,
): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    // Honour the EXIF orientation, or portrait phone photos arrive on their side.
    bitmap = await createImageBitmap(input, { imageOrientation: 'from-image' });
  } catch {
    throw new EvidenceRejected({ code: 'unreadable' });
  }
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height, maxSide);
    const canvas = makeCanvas(width, height);
    const ctx = canvas.getContext('2d') as
      | CanvasRenderingContext2D
      | OffscreenCanvasRenderingContext2D
      | null;
    if (!ctx) throw new EvidenceRejected({ code: 'unreadable' });
    // JPEG has no transparency: a transparent PNG would otherwise turn black.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, width, height);
    return await toJpeg(canvas, quality);
  } finally {
    bitmap.close();
  }
}

function makeCanvas(width: number, height: number): OffscreenCanvas | HTMLCanvasElement {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

function toJpeg(canvas: OffscreenCanvas | HTMLCanvasElement, quality: number): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/jpeg', quality });
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new EvidenceRejected({ code: 'unreadable' }))),
      'image/jpeg',
      quality,
    ),
  );
}
