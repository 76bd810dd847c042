/** The KigaliGo mark (a route from a stop to a destination) drawn inline so it needs no network or asset. */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 100 100" aria-hidden="true" className="kg-logo-mark">
      <rect x="2" y="2" width="96" height="96" rx="20" fill="var(--kg-brand)" />
      <path
        d="M30 72H50a20 20 0 0 0 20-20V30"
        fill="none"
        stroke="#fff"
        strokeWidth="8.5"
        strokeLinecap="round"
      />
      <circle cx="30" cy="72" r="8.5" fill="var(--kg-brand)" stroke="#fff" strokeWidth="5.5" />
      <circle cx="70" cy="28" r="11.5" fill="#fff" />
      <circle cx="70" cy="28" r="8" fill="#fad201" />
    </svg>
  );
}

export function Logo({ product }: { product?: string | undefined }) {
  return (
    <span className="kg-logo">
      <LogoMark />
      <span className="kg-logo-text">
        KigaliGo
        {product ? <span className="kg-logo-product">{product}</span> : null}
      </span>
    </span>
  );
}
