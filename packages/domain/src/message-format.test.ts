import { describe, expect, it } from 'vitest';
import { formatMessage } from './message-format';

const en = {
  'reports.count': '{count} reports',
  'reports.count.one': '{count} report',
  'only.en': 'Only in English',
  hello: 'Hello {name}',
};
const rw = { 'reports.count': 'Raporo {count}', hello: 'Muraho {name}' };

describe('formatMessage', () => {
  it('picks the plural form of the count from the language rules, the general form otherwise', () => {
    expect(formatMessage('en', en, en, 'reports.count', { count: 1 })).toBe('1 report');
    expect(formatMessage('en', en, en, 'reports.count', { count: 0 })).toBe('0 reports');
    expect(formatMessage('en', en, en, 'reports.count', { count: 12 })).toBe('12 reports');
    // A language without a `.one` form keeps its own general form, never English's singular.
    expect(formatMessage('rw', rw, en, 'reports.count', { count: 1 })).toBe('Raporo 1');
  });

  it('falls back to English, then to the key, and leaves unknown placeholders visible', () => {
    expect(formatMessage('rw', rw, en, 'only.en')).toBe('Only in English');
    expect(formatMessage('rw', rw, en, 'missing.key')).toBe('missing.key');
    expect(formatMessage('rw', rw, en, 'hello', { name: 'Aline' })).toBe('Muraho Aline');
    expect(formatMessage('en', en, en, 'hello', {})).toBe('Hello {name}');
  });
});
