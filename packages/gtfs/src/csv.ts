/**
 * A small RFC 4180 CSV reader for GTFS files: quoted fields with "" escapes and embedded commas or line
 * breaks, CRLF or LF, a UTF-8 byte-order mark (many GTFS exporters write one), blank lines skipped.
 * Each record keeps the 1-based line it started on, so validation errors can point at the file line.
 * `CsvStream` takes the text in chunks of any size (a record, a quote or a CRLF may straddle two), so a
 * large file is never one string; `parseCsv` is the same reader over a whole text.
 */
export interface CsvRecord {
  fields: string[];
  /** The file line (1-based, the header is line 1) where the record starts. */
  line: number;
}

export interface CsvProblem {
  line: number;
  message: string;
}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

export class CsvStream {
  /** Structural problems (an unterminated quote), with their line. */
  readonly problems: CsvProblem[] = [];
  private line = 1;
  private startLine = 1;
  private fields: string[] = [];
  private field = '';
  private quoted = false;
  /** A quote was the last character seen inside a quoted field: an escape ("") or the closing quote. */
  private quoteAtEnd = false;
  /** The last chunk ended on CR: an LF starting the next one belongs to the same line break. */
  private crAtEnd = false;
  private first = true;
  private inRecord = false;

  constructor(private readonly emit: (record: CsvRecord) => void) {}

  push(chunk: string): void {
    let i = 0;
    const n = chunk.length;
    if (this.first && n > 0) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    if (this.crAtEnd && i < n) {
      this.crAtEnd = false;
      if (chunk.charCodeAt(i) === LF) i++;
    }
    while (i < n) {
      if (!this.inRecord) {
        this.inRecord = true;
        this.startLine = this.line;
      }
      if (this.quoteAtEnd) {
        this.quoteAtEnd = false;
        if (chunk.charCodeAt(i) === QUOTE) {
          this.field += '"';
          i++;
          continue;
        }
        this.quoted = false;
      }
      if (this.quoted) {
        // Copy up to the next quote in one slice; line breaks inside the field still count as lines.
        let j = i;
        while (j < n) {
          const c = chunk.charCodeAt(j);
          if (c === QUOTE) break;
          if (c === LF) this.line++;
          j++;
        }
        this.field += chunk.slice(i, j);
        if (j < n) this.quoteAtEnd = true;
        i = j + 1;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === QUOTE && this.field.length === 0) {
        this.quoted = true;
        i++;
      } else if (c === COMMA) {
        this.fields.push(this.field);
        this.field = '';
        i++;
      } else if (c === CR || c === LF) {
        i++;
        if (c === CR) {
          if (i < n) {
            if (chunk.charCodeAt(i) === LF) i++;
          } else this.crAtEnd = true;
        }
        this.line++;
        this.endRecord();
      } else {
        // Plain characters up to the next delimiter, in one slice.
        let j = i + 1;
        while (j < n) {
          const d = chunk.charCodeAt(j);
          if (d === COMMA || d === CR || d === LF || d === QUOTE) break;
          j++;
        }
        this.field += chunk.slice(i, j);
        i = j;
      }
    }
  }

  /** The end of the text: emits the last record if it had no line break. */
  end(): void {
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      this.quoted = false;
    }
    if (this.inRecord) {
      if (this.quoted) this.problems.push({ line: this.startLine, message: 'unterminated quoted field' });
      this.quoted = false;
      this.endRecord();
    }
  }

  private endRecord(): void {
    const fields = this.fields;
    fields.push(this.field);
    this.fields = [];
    this.field = '';
    this.inRecord = false;
    // Skip blank lines (a lone empty field), common at the end of exported files.
    if (fields.length === 1 && fields[0]!.trim() === '') return;
    this.emit({ fields, line: this.startLine });
  }
}

export interface CsvTable {
  header: string[];
  /** Data rows; a row shorter than the header is padded with '' by `record`. */
  rows: string[][];
  /** lines[i] is the file line (1-based, the header is line 1) where rows[i] starts. */
  lines: number[];
  /** Structural problems (an unterminated quote), with their line. */
  problems: CsvProblem[];
}

export function parseCsv(text: string): CsvTable {
  const records: CsvRecord[] = [];
  const csv = new CsvStream((r) => records.push(r));
  csv.push(text);
  csv.end();
  const [header, ...rows] = records;
  return {
    header: (header?.fields ?? []).map((h) => h.trim()),
    rows: rows.map((r) => r.fields),
    lines: rows.map((r) => r.line),
    problems: csv.problems,
  };
}

/** A row as an object keyed by header name; values trimmed, missing trailing fields ''. */
export function record(header: string[], row: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  header.forEach((h, i) => {
    out[h] = (row[i] ?? '').trim();
  });
  return out;
}
