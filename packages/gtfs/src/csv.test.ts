import { describe, expect, it } from 'vitest';
import { type CsvRecord, CsvStream, parseCsv, record } from './csv';

describe('parseCsv', () => {
  it('strips a byte-order mark and reads CRLF lines', () => {
    const t = parseCsv('\uFEFFstop_id,stop_name\r\nA,Nyabugogo\r\nB,Remera\r\n');
    expect(t.header).toEqual(['stop_id', 'stop_name']);
    expect(t.rows).toEqual([
      ['A', 'Nyabugogo'],
      ['B', 'Remera'],
    ]);
    expect(t.lines).toEqual([2, 3]);
  });

  it('reads quoted fields with commas, escaped quotes and line breaks, keeping line numbers', () => {
    const t = parseCsv('a,b\n"x, y","say ""hi"""\n"two\nlines",z\nlast,1');
    expect(t.rows).toEqual([
      ['x, y', 'say "hi"'],
      ['two\nlines', 'z'],
      ['last', '1'],
    ]);
    expect(t.lines).toEqual([2, 3, 5]);
  });

  it('skips blank lines and reports an unterminated quote', () => {
    const t = parseCsv('a,b\n\n1,2\n\n"open,3\n');
    expect(t.rows[0]).toEqual(['1', '2']);
    expect(t.problems).toEqual([{ line: 5, message: 'unterminated quoted field' }]);
  });

  it('pads short rows and trims values in records', () => {
    expect(record(['a', 'b', 'c'], [' 1 ', '2'])).toEqual({ a: '1', b: '2', c: '' });
  });
});

describe('CsvStream', () => {
  const text =
    '\uFEFFa,b,c\r\n"x, y","say ""hi""",1\r\n\r\n"two\r\nlines",z,2\n"",,3\r\nplain "q",é€,4\r\n"open,5\n';
  const whole = (t: string) => {
    const out: CsvRecord[] = [];
    const csv = new CsvStream((r) => out.push(r));
    csv.push(t);
    csv.end();
    return { out, problems: csv.problems };
  };

  it('gives the same records, lines and problems whatever the chunks (every split point, and 1-char chunks)', () => {
    const expected = whole(text);
    expect(expected.out.map((r) => r.line)).toEqual([1, 2, 4, 6, 7, 8]);
    expect(expected.out[1]!.fields).toEqual(['x, y', 'say "hi"', '1']);
    expect(expected.out[2]!.fields).toEqual(['two\r\nlines', 'z', '2']);
    expect(expected.problems).toEqual([{ line: 8, message: 'unterminated quoted field' }]);
    for (let cut = 0; cut <= text.length; cut++) {
      const out: CsvRecord[] = [];
      const csv = new CsvStream((r) => out.push(r));
      csv.push(text.slice(0, cut));
      csv.push(text.slice(cut));
      csv.end();
      expect({ out, problems: csv.problems }, `split at ${cut}`).toEqual(expected);
    }
    const out: CsvRecord[] = [];
    const csv = new CsvStream((r) => out.push(r));
    for (const ch of text) csv.push(ch);
    csv.end();
    expect(out).toEqual(expected.out);
  });
});
