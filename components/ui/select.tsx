import { ChevronDown } from "lucide-react";
import { cn } from "./cn";
import { fieldClasses } from "./input";

/** A styled native <select>: fully accessible and right on phones without extra code. */
export function Select({ className, children, ...props }: React.ComponentProps<"select">) {
  return (
    <div className="relative">
      <select className={cn(fieldClasses, "min-h-11 appearance-none py-2 pr-9", className)} {...props}>
        {children}
      </select>
      <ChevronDown aria-hidden className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-slate-600" />
    </div>
  );
}
