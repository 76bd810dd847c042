import type { Page } from 'playwright-core';

/** Types into a place search box and picks the suggestion whose name matches. */
export async function pickPlace(page: Page, field: 'From' | 'To', query: string, option: RegExp) {
  await page.getByRole('combobox', { name: field, exact: true }).fill(query);
  await page.getByRole('option', { name: option }).first().click();
}

/**
 * 08:00 Kigali time on the next Tuesday–Thursday, as a datetime-local value: weekday service at the morning
 * peak, and never a Monday or Friday (the feed's public holidays that move with the week fall on those).
 */
export function nextWeekdayMorning(now = new Date()): string {
  const d = new Date(now.getTime() + 2 * 3600_000);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (![2, 3, 4].includes(d.getUTCDay()));
  return `${d.toISOString().slice(0, 10)}T08:00`;
}
