/** The wordmark's ring buoy, drawn inline (no external image, nothing for the CSP to allow). */
export function LifebuoyMark() {
  return (
    <svg
      className="brand-mark"
      viewBox="0 0 24 24"
      width="22"
      height="22"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" strokeWidth="5" />
      <g stroke="var(--brand-band)" strokeWidth="5.2">
        <path d="M12 1.5v4.5M12 18v4.5M1.5 12H6M18 12h4.5" />
      </g>
    </svg>
  )
}
