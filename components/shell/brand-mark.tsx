/** The Fenshen mark: a doctor's silhouette and its outlined double. Decorative; the brand name is beside it. */
export function BrandMark() {
  return (
    <svg aria-hidden viewBox="0 0 32 32" className="size-7">
      <rect width="32" height="32" rx="8" className="fill-brand-600" />
      <circle cx="13" cy="12" r="4" className="fill-white" />
      <path d="M6 25c0-4 3-7 7-7s7 3 7 7" className="fill-white" />
      <circle cx="20" cy="12" r="4" fill="none" strokeWidth="1.5" className="stroke-brand-100" />
      <path d="M13 25c0-4 3-7 7-7s7 3 7 7" fill="none" strokeWidth="1.5" className="stroke-brand-100" />
    </svg>
  );
}
