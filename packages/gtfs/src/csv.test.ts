import { describe, expect, it } from 'vitest';
import { parseCsv, record } from './csv';

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
