"use client";

import { Progress as ProgressPrimitive } from "radix-ui";
import { useId } from "react";
import { cn } from "./cn";

/** A progress bar with a visible label that also names it for screen readers (role=progressbar, aria-valuenow). */
export function Progress({ value, label, className }: { value: number; label: string; className?: string }) {
  const labelId = useId();
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <div className="flex justify-between text-xs text-slate-700">
        <span id={labelId}>{label}</span>
        <span aria-hidden>{clamped}%</span>
      </div>
      <ProgressPrimitive.Root
        value={clamped}
        aria-labelledby={labelId}
        className="relative h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <ProgressPrimitive.Indicator
          className="h-full bg-brand-600 transition-[width] duration-500"
          style={{ width: `${clamped}%` }}
        />
      </ProgressPrimitive.Root>
    </div>
  );
}
