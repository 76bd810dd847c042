import { describe, expect, it } from 'vitest';
import { newReportHref, parseReportRoute, reportHref, safetyHref } from './report-route';

const id = '3f0e9c1a-7b2d-4c5e-9f10-2a3b4c5d6e7f';

describe('parseReportRoute', () => {
  it('reads the three safety screens back from their links', () => {
    expect(parseReportRoute(safetyHref)).toEqual({ screen: 'list' });
    expect(parseReportRoute(newReportHref)).toEqual({ screen: 'new' });
    expect(parseReportRoute(reportHref(id))).toEqual({ screen: 'report', id });
    expect(parseReportRoute(`#/safety/${id.toUpperCase()}`)).toEqual({ screen: 'report', id });
  });

  it('leaves every other screen to the rest of the app', () => {
    for (const hash of [
      '',
      '#/',
      '#/plan',
      '#/trips',
      '#/safety/not-an-id',
      `#/safety/${id}/x`,
      '#/safetyx',
    ]) {
      expect(parseReportRoute(hash)).toBeNull();
    }
  });
});
