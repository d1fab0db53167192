import { cn } from "./cn";
import { Label } from "./label";

/**
 * A labelled form control with an optional hint and error; their ids are `${htmlFor}-hint` and
 * `${htmlFor}-error` (see describedBy) so the control can point at them.
 */
export function Field({
  label,
  htmlFor,
  hint,
  error,
  className,
  children,
}: {
  label: string;
  htmlFor: string;
  hint?: React.ReactNode;
  error?: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
      {error ? (
        <p id={`${htmlFor}-error`} className="text-sm font-medium text-crisis-700">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={`${htmlFor}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The aria-describedby of a Field's control: its error first, then its hint. */
export function describedBy(htmlFor: string, has: { hint?: boolean; error?: boolean }): string | undefined {
  const ids = [has.error ? `${htmlFor}-error` : null, has.hint ? `${htmlFor}-hint` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}
