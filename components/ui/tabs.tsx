"use client";

import { Tabs as TabsPrimitive } from "radix-ui";
import { cn } from "./cn";

export const Tabs = TabsPrimitive.Root;

export function TabsList({ className, ...props }: React.ComponentProps<typeof TabsPrimitive.List>) {
  return <TabsPrimitive.List className={cn("flex gap-1 overflow-x-auto border-b border-slate-200", className)} {...props} />;
}

export function TabsTrigger({ className, ...props }: React.ComponentProps<typeof TabsPrimitive.Trigger>) {
  return (
    <TabsPrimitive.Trigger
      className={cn(
        "-mb-px inline-flex min-h-11 items-center gap-2 border-b-2 border-transparent px-3 text-sm font-medium whitespace-nowrap text-slate-700 hover:text-slate-900 data-[state=active]:border-brand-600 data-[state=active]:text-brand-800 [&_svg]:size-4",
        className,
      )}
      {...props}
    />
  );
}

/** Panels stay mounted when hidden, so a half-written form or a preview conversation survives switching tabs. */
export function TabsContent({ className, ...props }: Omit<React.ComponentProps<typeof TabsPrimitive.Content>, "forceMount">) {
  return <TabsPrimitive.Content forceMount className={cn("pt-6 focus-visible:outline-offset-4 data-[state=inactive]:hidden", className)} {...props} />;
}
