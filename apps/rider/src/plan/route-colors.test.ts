import { describe, expect, it } from 'vitest';
import { routeChipStyle } from './route-colors';

describe('route chip colours', () => {
  it('keeps the feed’s text colour when it reads well, else picks black or white', () => {
    expect(routeChipStyle('000080', 'FFFFFF')).toEqual({ background: '#000080', color: '#FFFFFF' });
    // Mid red with white text is under 4.5:1: black reads better.
    expect(routeChipStyle('E53935', 'FFFFFF')).toEqual({ background: '#E53935', color: '#000000' });
    expect(routeChipStyle('B39DDB')).toEqual({ background: '#B39DDB', color: '#000000' });
    expect(routeChipStyle('1B5E20')).toEqual({ background: '#1B5E20', color: '#ffffff' });
  });

  it('leaves a route without a (valid) colour to the app’s chip', () => {
    expect(routeChipStyle()).toBeUndefined();
    expect(routeChipStyle('red')).toBeUndefined();
  });
});
