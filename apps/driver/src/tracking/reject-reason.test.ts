import { describe, expect, it } from 'vitest';
import { reasonText } from './reject-reason';

const catalogue: Record<string, string> = {
  'tracking.reason.implausible_jump': 'Impossible jump from the previous position',
  'tracking.reason.outside_shift': 'Recorded while off shift',
};
const t = (key: string) => catalogue[key] ?? key;

describe('a refused position in the driver language', () => {
  it('names the reason by its code, without the detail the server adds after a colon', () => {
    expect(reasonText('outside_shift', t)).toBe('Recorded while off shift');
    expect(reasonText('implausible_jump: 93 m/s from the previous fix', t)).toBe(
      'Impossible jump from the previous position',
    );
  });

  it('shows a reason this app does not know as the server wrote it', () => {
    expect(reasonText('new_rule', t)).toBe('new rule');
  });
});
