/** The product's mark: a server, a link and a check. Decorative next to the product name. */
export function ProductMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#0f6cbd" />
      <rect x="7" y="8" width="12" height="5" rx="1.5" fill="#fff" />
      <rect x="7" y="15" width="12" height="5" rx="1.5" fill="#fff" opacity="0.75" />
      <circle cx="9.75" cy="10.5" r="0.9" fill="#0f6cbd" />
      <circle cx="9.75" cy="17.5" r="0.9" fill="#0f6cbd" />
      <path d="M13 20v4h6" stroke="#fff" strokeWidth="1.6" fill="none" strokeLinecap="round" />
      <circle cx="22.5" cy="22.5" r="5" fill="#fff" />
      <path d="m20.3 22.6 1.6 1.6 3-3.2" stroke="#107c10" strokeWidth="1.8" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
