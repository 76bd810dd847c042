import { type CsvTable, parseCsv, record } from './csv';
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

/** Parses one file, checks its required columns, and hands each row to `fn`. */
export function eachRow(
  files: Record<string, string>,
  file: string,
  requiredCols: string[],
  issues: FeedIssue[],
  fn: (row: Row) => void,
): void {
  const text = files[file];
  if (text === undefined) return;
  const table: CsvTable = parseCsv(text);
  for (const p of table.problems) issues.push({ file, line: p.line, message: p.message });
  const missing = requiredCols.filter((c) => !table.header.includes(c));
  if (missing.length > 0) {
    issues.push({
      file,
      line: 1,
      message: `missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
    });
    return;
  }
  table.rows.forEach((cells, i) => {
    const line = table.lines[i]!;
    if (cells.length > table.header.length) {
      issues.push({ file, line, message: `${cells.length} fields, header has ${table.header.length}` });
      return;
    }
    fn(new Row(file, line, record(table.header, cells), issues));
  });
}
