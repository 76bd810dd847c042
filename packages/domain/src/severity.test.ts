import { describe, expect, it } from 'vitest';
import { assessSeverity, kigaliHour, normaliseText, type SeverityInput, severityLevelFor } from './severity';

// 10:00 in Kigali (08:00 UTC): daytime, so no night points unless a test asks for them.
const base: SeverityInput = {
  category: 'other',
  description: 'The driver took a longer route than needed.',
  occurredAt: '2026-03-10T08:00:00Z',
  tripInProgress: false,
  priorReports: 0,
};
const rules = (input: Partial<SeverityInput>) =>
  assessSeverity({ ...base, ...input }).reasons.map((r) => r.rule);

describe('assessSeverity', () => {
  it('scores the category alone for a plain report, and explains it', () => {
    const a = assessSeverity({ ...base, category: 'overcharging' });
    expect(a).toEqual({
      score: 5,
      level: 'low',
      reasons: [
        {
          rule: 'category.overcharging',
          points: 5,
          reason: 'Category: overcharging',
          vars: { category: 'overcharging' },
        },
      ],
    });
  });

  it('finds English keywords as whole words, not inside other words', () => {
    expect(rules({ description: 'He hit me twice on the arm' })).toContain('keyword.physical_violence');
    // "white" contains "hit"; "stable" starts like "stab": neither counts.
    expect(rules({ description: 'A white car, very stable on the road' })).toEqual(['category.other']);
    expect(rules({ description: 'He pulled out a KNIFE!' })).toContain('keyword.weapon');
  });

  it('finds Kinyarwanda stems inside conjugated verbs', () => {
    expect(rules({ description: 'Umumotari yankubise ku mutwe' })).toContain('keyword.physical_violence');
    expect(rules({ description: 'Yamfashe ku ngufu mu nzira' })).toContain('keyword.sexual_violence');
    expect(rules({ description: 'Habaye impanuka, mfite amaraso' })).toEqual([
      'category.other',
      'keyword.injury',
      'keyword.crash',
    ]);
    expect(rules({ description: 'Yanyibye telefoni, ni umujura' })).toContain('keyword.theft');
    expect(rules({ description: 'Yari afite icyuma, ndahamagara polisi' })).toEqual([
      'category.other',
      'keyword.weapon',
      'keyword.distress',
    ]);
    expect(rules({ description: 'Ntabara! Nkeneye ubufasha' })).toContain('keyword.distress');
  });

  it('matches whole Kinyarwanda words where a stem would mislead (kwica "to kill" vs kwicara "to sit")', () => {
    expect(rules({ description: 'Yambwiye ko azanyica' })).toContain('keyword.threat');
    expect(rules({ description: 'Nashakaga kwicara imbere' })).toEqual(['category.other']);
  });

  it('ignores accents, case and apostrophes', () => {
    expect(normaliseText("Polisi y'u Rwanda — RÁPÉ")).toEqual(['polisi', 'yu', 'rwanda', 'rape']);
    expect(rules({ description: 'He RAPED her' })).toContain('keyword.sexual_violence');
  });

  it('counts each keyword group once, however many of its words appear', () => {
    const a = assessSeverity({ ...base, description: 'He hit me, beat me, punched and kicked me' });
    expect(a.reasons.filter((r) => r.rule === 'keyword.physical_violence')).toHaveLength(1);
    expect(a.score).toBe(5 + 35);
  });

  it('adds night time in Kigali (UTC+2), not in UTC', () => {
    // 17:30 UTC is 19:30 in Kigali: after dark.
    expect(kigaliHour('2026-03-10T17:30:00Z')).toBe(19);
    expect(rules({ occurredAt: '2026-03-10T17:30:00Z' })).toContain('time.night');
    // 03:30 UTC is 05:30 in Kigali: still dark. 04:00 UTC is 06:00: daylight.
    expect(rules({ occurredAt: '2026-03-10T03:30:00Z' })).toContain('time.night');
    expect(rules({ occurredAt: '2026-03-10T04:00:00Z' })).not.toContain('time.night');
    // The offset in the string does not matter: the same instant.
    expect(rules({ occurredAt: '2026-03-10T21:00:00+02:00' })).toContain('time.night');
  });

  it('adds a trip in progress and repeat reports (capped at three)', () => {
    const a = assessSeverity({ ...base, tripInProgress: true, priorReports: 2 });
    expect(a.reasons.slice(1)).toEqual([
      {
        rule: 'trip.in_progress',
        points: 15,
        reason: 'Happened during a trip, with the rider in the vehicle',
      },
      {
        rule: 'history.repeat_reports',
        points: 20,
        reason: '2 earlier reports on the same driver or vehicle',
        vars: { count: 2 },
      },
    ]);
    expect(assessSeverity({ ...base, priorReports: 12 }).reasons[1]!.points).toBe(30);
  });

  it('reaches critical for violence at night during a trip, and caps the score at 100', () => {
    const a = assessSeverity({
      category: 'harassment',
      description: 'He beat me and threatened me with a knife, there was blood. Please help, call the police',
      occurredAt: '2026-03-10T21:30:00Z',
      tripInProgress: true,
      priorReports: 3,
    });
    expect(a.level).toBe('critical');
    expect(a.score).toBe(100);
  });

  it('makes sexual violence critical on its own', () => {
    expect(assessSeverity({ ...base, description: 'He raped me' }).level).toBe('critical');
  });

  it('maps scores to levels at the documented thresholds', () => {
    expect([0, 19, 20, 44, 45, 69, 70, 100].map(severityLevelFor)).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
  });
});
