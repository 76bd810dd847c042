// Rwandan public holidays and Umuganda Saturdays for the shipped feed's calendar_dates.txt.
// Fixed-date holidays follow Rwanda's presidential order on official holidays (not in KIGALI.md: checked from
// general knowledge, listed in the feed README as an assumption to verify against the Ministry's yearly list).
// Holidays falling on a weekend are not moved: the weekend service runs on them anyway.

const FIXED = [
  ['0101', "New Year's Day"],
  ['0102', 'Day after New Year'],
  ['0201', "National Heroes' Day"],
  ['0407', 'Genocide against the Tutsi Memorial Day'],
  ['0501', 'Labour Day'],
  ['0701', 'Independence Day'],
  ['0704', 'Liberation Day'],
  ['0815', 'Assumption Day'],
  ['1225', 'Christmas Day'],
  ['1226', 'Boxing Day'],
];

// Eid dates depend on the moon sighting announced by the Rwanda Muslim Community a day or two before:
// these are the astronomical estimates. An updated feed should replace them once announced.
const EID = {
  2026: [
    ['0320', 'Eid al-Fitr (estimated)'],
    ['0527', 'Eid al-Adha (estimated)'],
  ],
  2027: [
    ['0310', 'Eid al-Fitr (estimated)'],
    ['0516', 'Eid al-Adha (estimated)'],
  ],
};

/** Gregorian Easter Sunday (anonymous Gregorian algorithm), as a UTC Date. */
function easter(year) {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const ymd = (d) => d.toISOString().slice(0, 10).replaceAll('-', '');
const addDays = (d, n) => new Date(d.getTime() + n * 86_400_000);
const at = (year, mmdd) => new Date(Date.UTC(year, Number(mmdd.slice(0, 2)) - 1, Number(mmdd.slice(2))));

/** Holidays of a year: `{date: 'YYYYMMDD', weekday: 0 (Sunday)..6, name}`, sorted by date. */
export function holidaysOf(year) {
  const list = [...FIXED, ...(EID[year] ?? [])].map(([mmdd, name]) => ({ d: at(year, mmdd), name }));
  const e = easter(year);
  list.push({ d: addDays(e, -2), name: 'Good Friday' }, { d: addDays(e, 1), name: 'Easter Monday' });
  // Umuganura (national harvest day) is the first Friday of August.
  const aug1 = at(year, '0801');
  list.push({ d: addDays(aug1, (5 - aug1.getUTCDay() + 7) % 7), name: 'Umuganura Day' });
  return list
    .map(({ d, name }) => ({ date: ymd(d), weekday: d.getUTCDay(), name }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Last Saturday of each month: Umuganda, the monthly community-work morning when traffic stops until ~11:00. */
export function lastSaturdays(year) {
  const out = [];
  for (let m = 0; m < 12; m++) {
    const last = new Date(Date.UTC(year, m + 1, 0));
    out.push(ymd(addDays(last, -((last.getUTCDay() + 1) % 7))));
  }
  return out;
}
