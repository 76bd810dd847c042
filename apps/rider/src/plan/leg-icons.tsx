import type { LegMode } from '@kigaligo/planner';

const paths: Record<LegMode, string> = {
  walk: 'M13 4.5a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0zM10 22l2-7 2 3v4M9 11l3-3 3 3 2 1M12 8l-1 5-3 2',
  bus: 'M6 17V6a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v11M6 11h12M6 17h12M8 17v2M16 17v2M8.5 14h.01M15.5 14h.01',
  moto: 'M5 17a3 3 0 1 0 0-.01M19 17a3 3 0 1 0 0-.01M8 17h6l3-6h-4M14 7h2l3 10M10 11l-2 6',
};

export function LegIcon({ mode }: { mode: LegMode }) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={paths[mode]} />
    </svg>
  );
}
