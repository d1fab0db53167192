import { LoaderCircle } from "lucide-react";
import { cn } from "./cn";

/** A spinning icon; pass a label when it stands alone so screen readers hear what is loading. */
export function Spinner({ label, className }: { label?: string; className?: string }) {
  return (
    <span role={label ? "status" : undefined} className="inline-flex items-center gap-2">
      <LoaderCircle aria-hidden className={cn("size-4 animate-spin motion-reduce:animate-none", className)} />
      {label ? <span className="text-sm text-slate-700">{label}</span> : null}
    </span>
  );
}
