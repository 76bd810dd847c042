/** Whole RWF (no minor unit), written the way fares are posted in Kigali: "RWF 1,050". */
export const formatRwf = (m: number | { amount: number }) =>
  `RWF ${(typeof m === 'number' ? m : m.amount).toLocaleString('en-US')}`;
