/**
 * A small RFC 4180 CSV reader for GTFS files: quoted fields with "" escapes and embedded commas or line
 * breaks, CRLF or LF, a UTF-8 byte-order mark (many GTFS exporters write one), blank lines skipped.
 * Each row keeps the 1-based line it started on, so validation errors can point at the file line.
 */
export interface CsvTable {
  header: string[];
  /** Data rows; a row shorter than the header is padded with '' by `record`. */
  rows: string[][];
  /** lines[i] is the file line (1-based, the header is line 1) where rows[i] starts. */
  lines: number[];
  /** Structural problems (an unterminated quote), with their line. */
  problems: { line: number; message: string }[];
}

export function parseCsv(text: string): CsvTable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  const starts: number[] = [];
  const problems: CsvTable['problems'] = [];
  let line = 1;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quotedOpen = false;
    // One record: read fields until an unquoted line break or the end of the text.
    for (;;) {
      if (i >= n) break;
      const ch = src[i]!;
      if (quotedOpen) {
        if (ch === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quotedOpen = false;
            i++;
          }
        } else {
          if (ch === '\n') line++;
          field += ch;
          i++;
        }
      } else if (ch === '"' && field.length === 0) {
        quotedOpen = true;
        i++;
      } else if (ch === ',') {
        fields.push(field);
        field = '';
        i++;
      } else if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
        line++;
        break;
      } else {
        field += ch;
        i++;
      }
    }
    if (quotedOpen) problems.push({ line: startLine, message: 'unterminated quoted field' });
    fields.push(field);
    // Skip blank lines (a lone empty field), common at the end of exported files.
    if (fields.length === 1 && fields[0]!.trim() === '') continue;
    records.push(fields);
    starts.push(startLine);
  }
  const [header = [], ...rows] = records;
  return { header: header.map((h) => h.trim()), rows, lines: starts.slice(1), problems };
}

/** A row as an object keyed by header name; values trimmed, missing trailing fields ''. */
export function record(header: string[], row: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  header.forEach((h, i) => {
    out[h] = (row[i] ?? '').trim();
  });
  return out;
}
