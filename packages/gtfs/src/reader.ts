import { type CsvProblem, type CsvRecord, record } from './csv';
import { isGtfsDate, parseGtfsTime } from './time';
import type { FeedIssue } from './types';

/**
 * Field access for one row that records problems instead of throwing, so a feed is checked whole and the
 * rider-facing import can show every problem at once (file, line, what). Getters return a fallback value on
 * error; the caller drops the row when `row.ok` is false afterwards.
 */
export class Row {
  ok = true;
  constructor(
    readonly file: string,
    readonly line: number,
    private readonly rec: Record<string, string>,
    private readonly issues: FeedIssue[],
  ) {}

  fail(message: string): void {
    this.ok = false;
    this.issues.push({ file: this.file, line: this.line, message });
  }

  opt(col: string): string | undefined {
    const v = this.rec[col];
    return v === undefined || v === '' ? undefined : v;
  }

  str(col: string): string {
    const v = this.opt(col);
    if (v === undefined) this.fail(`${col} is required`);
    return v ?? '';
  }

  /** A number; `undefined` when the column is empty and not required. */
  num(
    col: string,
    o: { required?: boolean; int?: boolean; min?: number; max?: number } = {},
  ): number | undefined {
    const v = this.opt(col);
    if (v === undefined) {
      if (o.required) this.fail(`${col} is required`);
      return undefined;
    }
    const n = Number(v);
    const bad =
      !Number.isFinite(n) ||
      (o.int && !Number.isInteger(n)) ||
      (o.min !== undefined && n < o.min) ||
      (o.max !== undefined && n > o.max);
    if (bad) {
      const range =
        o.min !== undefined || o.max !== undefined ? ` in [${o.min ?? '-∞'}, ${o.max ?? '∞'}]` : '';
      this.fail(`${col} "${v}" is not ${o.int ? 'an integer' : 'a number'}${range}`);
      return undefined;
    }
    return n;
  }

  /** A GTFS time (may exceed 24:00:00); `undefined` when empty. */
  time(col: string, required = false): number | undefined {
    const v = this.opt(col);
    if (v === undefined) {
      if (required) this.fail(`${col} is required`);
      return undefined;
    }
    const t = parseGtfsTime(v);
    if (t === null) this.fail(`${col} "${v}" is not a time HH:MM:SS`);
    return t ?? undefined;
  }

  date(col: string): string {
    const v = this.str(col);
    if (v && !isGtfsDate(v)) this.fail(`${col} "${v}" is not a date YYYYMMDD`);
    return v;
  }
}

/**
 * One file's records turned into Rows: the first record is the header, checked for the required columns
 * (without them no row is read); a row with more fields than the header is reported and skipped.
 */
export class TableRows {
  private header: string[] | null = null;
  private usable = false;

  constructor(
    readonly file: string,
    private readonly requiredCols: string[],
    private readonly issues: FeedIssue[],
    private readonly fn: (row: Row) => void,
  ) {}

  add({ fields, line }: CsvRecord): void {
    if (!this.header) {
      this.header = fields.map((h) => h.trim());
      const missing = this.requiredCols.filter((c) => !this.header!.includes(c));
      this.usable = missing.length === 0;
      if (!this.usable) {
        this.issues.push({
          file: this.file,
          line: 1,
          message: `missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
        });
      }
      return;
    }
    if (!this.usable) return;
    if (fields.length > this.header.length) {
      this.issues.push({
        file: this.file,
        line,
        message: `${fields.length} fields, header has ${this.header.length}`,
      });
      return;
    }
    this.fn(new Row(this.file, line, record(this.header, fields), this.issues));
  }

  /** CSV problems found while reading the file (an unterminated quote). */
  problems(problems: CsvProblem[]): void {
    for (const p of problems) this.issues.push({ file: this.file, line: p.line, message: p.message });
  }

  /** An empty file has no header: every required column is missing. */
  end(): void {
    if (!this.header) this.add({ fields: [], line: 1 });
  }
}
