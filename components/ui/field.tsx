import { cn } from "./cn";
import { Label } from "./label";

/** A labelled form control with an optional hint; the hint id is `${htmlFor}-hint` for aria-describedby. */
export function Field({ label, htmlFor, hint, className, children }: { label: string; htmlFor: string; hint?: React.ReactNode; className?: string; children: React.ReactNode }) {
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
      {hint ? (
        <p id={`${htmlFor}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
