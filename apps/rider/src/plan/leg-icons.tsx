import type { LegMode } from '@kigaligo/planner';

const bus = 'M6 17V6a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v11M6 11h12M6 17h12M8 17v2M16 17v2M8.5 14h.01M15.5 14h.01';
// A rail vehicle body on two rails; the modes below add what tells them apart (wire, cable, slope, water).
const railCar =
  'M7 4h10a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zM5 11h14M8 17l-2 4M16 17l2 4';
const paths: Record<LegMode, string> = {
  walk: 'M13 4.5a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0zM10 22l2-7 2 3v4M9 11l3-3 3 3 2 1M12 8l-1 5-3 2',
  moto: 'M5 17a3 3 0 1 0 0-.01M19 17a3 3 0 1 0 0-.01M8 17h6l3-6h-4M14 7h2l3 10M10 11l-2 6',
  bus,
  trolleybus: `${bus}M9 4l-2-3M15 4l2-3`,
  tram: `${railCar}M12 4V1M9 1h6`,
  subway: `${railCar}M9 14h.01M15 14h.01M3 21h18`,
  rail: `${railCar}M9 14h.01M15 14h.01M7 21h10`,
  monorail: `${railCar}M12 17v4M8 21h8`,
  funicular: 'M3 21L21 7M7 9h8a2 2 0 0 1 2 2v4l-10 5V11a2 2 0 0 1 2-2zM7 14h10',
  cable_car: `${railCar}M12 4V1M3 1h18`,
  gondola: 'M2 3l20 4M12 5v4M7 9h10a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2zM5 14h14',
  ferry: 'M3 17l2-6h14l2 6M7 11V7h10v4M12 7V3M2 21c2 0 3-1 5-1s3 1 5 1 3-1 5-1 3 1 5 1',
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
