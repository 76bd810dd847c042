/** A message catalogue: key → text with `{name}` placeholders. */
export type Catalogue = Readonly<Record<string, string>>;

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(lang: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}

/**
 * The text of `key` in `lang`, English when that language lacks it. With a numeric `count`, the form
 * `key.<plural category>` (e.g. `reports.count.one`) wins when the catalogue has it, chosen by
 * `Intl.PluralRules`; `key` itself is the general form. Plurals are whole messages, never concatenation.
 */
export function formatMessage(
  lang: string,
  catalogue: Catalogue,
  english: Catalogue,
  key: string,
  vars?: Readonly<Record<string, string | number>>,
): string {
  const count = vars?.count;
  const form = typeof count === 'number' ? `${key}.${pluralCategory(lang, count)}` : null;
  const englishForm = typeof count === 'number' ? `${key}.${pluralCategory('en', count)}` : null;
  const text =
    (form && catalogue[form]) ??
    catalogue[key] ??
    (englishForm && english[englishForm]) ??
    english[key] ??
    key;
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : text;
}
