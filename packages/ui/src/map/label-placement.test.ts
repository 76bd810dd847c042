import { describe, expect, it } from 'vitest';
import { type Box, placeLabel } from './label-placement';

const box = (left: number, top: number, width: number, height: number): Box => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('placeLabel', () => {
  const marker = box(100, 100, 28, 28);

  it('leaves a label that no marker covers where it is', () => {
    expect(placeLabel(box(0, 0, 60, 16), [marker])).toEqual({ dx: 0, dy: 0 });
  });

  it('moves a covered label just below the marker', () => {
    const label = box(90, 110, 60, 16);
    const place = placeLabel(label, [marker]);
    expect(place).toEqual({ dx: 0, dy: 20 }); // top 110 → 130, 2 px under the marker's bottom (128)
  });

  it('tries above, then beside, when below is taken by another marker', () => {
    const label = box(90, 110, 60, 16);
    const below = box(80, 128, 80, 20);
    expect(placeLabel(label, [marker, below])).toEqual({ dx: 0, dy: -28 }); // bottom 126 → 98
    const above = box(80, 80, 80, 20);
    expect(placeLabel(label, [marker, below, above])).toEqual({ dx: 40, dy: 0 }); // left 90 → 130
  });

  it('gives up (the label is hidden) when every spot is covered', () => {
    const label = box(100, 106, 28, 16);
    const around = [
      marker,
      box(60, 128, 110, 40),
      box(60, 60, 110, 40),
      box(128, 90, 40, 50),
      box(60, 90, 40, 50),
    ];
    expect(placeLabel(label, around)).toBeNull();
  });
});
