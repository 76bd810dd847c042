import { z } from 'zod';
import { type ReportCategory, type SeverityLevel, severityLevel } from './safety-report';
import { keywordRules } from './severity-keywords';

/**
 * Severity of a safety report: explained rules, each adding points, so an admin sees *why* a report sits at the
 * top of the queue and can disagree with it. The rules are deliberately over-inclusive (a word like "hit" in
 * "he did not hit me" still counts): a false alarm costs an admin a minute, a missed assault costs far more.
 *
 * Levels by total score (0–100):
 *   low < 20 ≤ medium < 45 ≤ high < 70 ≤ critical
 * Critical reports are sent to the configured authorities at once (sync-server reports/authority-alert.ts).
 */
export const severityThresholds = { medium: 20, high: 45, critical: 70 } as const;

export const severityReason = z.object({
  rule: z.string(),
  points: z.number().int(),
  /** In English, for logs and alerts; apps write the reason in their language from `rule` and `vars`. */
  reason: z.string(),
  /** The blanks of the reason (category, the term found, the hour, a count); absent on reasons stored before. */
  vars: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type SeverityReason = z.infer<typeof severityReason>;

export const severityAssessment = z.object({
  score: z.number().int().min(0).max(100),
  level: severityLevel,
  reasons: z.array(severityReason),
});
export type SeverityAssessment = z.infer<typeof severityAssessment>;

export interface SeverityInput {
  category: ReportCategory;
  description: string;
  /** ISO-8601 instant of the incident. */
  occurredAt: string;
  /** The linked trip was under way (rider in the vehicle) when it happened. */
  tripInProgress: boolean;
  /** Other open or closed, not dismissed, reports on the same driver or vehicle in the look-back window. */
  priorReports: number;
}

const categoryPoints: Record<ReportCategory, number> = {
  harassment: 25,
  reckless_driving: 20,
  overcharging: 5,
  accident: 30,
  vehicle_condition: 10,
  theft_or_lost_item: 15,
  other: 5,
};

// Kigali is UTC+2 all year (no daylight saving). Near the equator sunset is ~18:00–18:30 year-round, so it is
// dark from about 19:00 until about 06:00.
const KIGALI_OFFSET_HOURS = 2;
const NIGHT_FROM_HOUR = 19;
const NIGHT_UNTIL_HOUR = 6;
const NIGHT_POINTS = 10;
const TRIP_IN_PROGRESS_POINTS = 15;
const PRIOR_REPORT_POINTS = 10;
const PRIOR_REPORTS_CAP = 3;

/** Lower case, no accents, apostrophes dropped (y'u → yu), everything else not a letter is a space. */
export function normaliseText(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function matchesTerm(words: readonly string[], term: string): boolean {
  const parts = term.toLowerCase().replace(/['’`]/g, '').split(' ');
  if (parts.length > 1) {
    // A phrase: each word in sequence; the last may end with * (e.g. "locked the door*").
    for (let i = 0; i + parts.length <= words.length; i++) {
      if (parts.every((p, j) => matchWord(words[i + j]!, p))) return true;
    }
    return false;
  }
  return words.some((w) => matchWord(w, parts[0]!));
}

function matchWord(word: string, pattern: string): boolean {
  const starts = pattern.startsWith('*');
  const ends = pattern.endsWith('*');
  const core = pattern.slice(starts ? 1 : 0, ends ? -1 : undefined);
  if (starts && ends) return word.includes(core);
  if (ends) return word.startsWith(core);
  return word === core;
}

/** The hour of day in Kigali (0–23) of an ISO instant. */
export function kigaliHour(iso: string): number {
  const utcHour = new Date(iso).getUTCHours();
  return (utcHour + KIGALI_OFFSET_HOURS) % 24;
}

export function severityLevelFor(score: number): SeverityLevel {
  if (score >= severityThresholds.critical) return 'critical';
  if (score >= severityThresholds.high) return 'high';
  if (score >= severityThresholds.medium) return 'medium';
  return 'low';
}

/** Scores a report; a pure function of its input, so the stored reasons can always be recomputed and checked. */
export function assessSeverity(input: SeverityInput): SeverityAssessment {
  const reasons: SeverityReason[] = [];
  const category = categoryPoints[input.category];
  reasons.push({
    rule: `category.${input.category}`,
    points: category,
    reason: `Category: ${input.category.replaceAll('_', ' ')}`,
    vars: { category: input.category },
  });

  const words = normaliseText(input.description);
  for (const k of keywordRules) {
    const hit = [...k.en, ...k.rw].find((term) => matchesTerm(words, term));
    if (hit) {
      reasons.push({
        rule: k.rule,
        points: k.points,
        reason: `Mentions ${k.what} ("${hit.replaceAll('*', '')}")`,
        vars: { term: hit.replaceAll('*', '') },
      });
    }
  }

  const hour = kigaliHour(input.occurredAt);
  if (hour >= NIGHT_FROM_HOUR || hour < NIGHT_UNTIL_HOUR) {
    reasons.push({
      rule: 'time.night',
      points: NIGHT_POINTS,
      reason: `Happened after dark (${String(hour).padStart(2, '0')}:00 hour, Kigali time)`,
      vars: { hour: String(hour).padStart(2, '0') },
    });
  }
  if (input.tripInProgress) {
    reasons.push({
      rule: 'trip.in_progress',
      points: TRIP_IN_PROGRESS_POINTS,
      reason: 'Happened during a trip, with the rider in the vehicle',
    });
  }
  const prior = Math.min(Math.max(0, Math.floor(input.priorReports)), PRIOR_REPORTS_CAP);
  if (prior > 0) {
    reasons.push({
      rule: 'history.repeat_reports',
      points: prior * PRIOR_REPORT_POINTS,
      reason: `${input.priorReports} earlier report${input.priorReports === 1 ? '' : 's'} on the same driver or vehicle`,
      vars: { count: input.priorReports },
    });
  }

  const score = Math.min(
    100,
    reasons.reduce((sum, r) => sum + r.points, 0),
  );
  return { score, level: severityLevelFor(score), reasons };
}
