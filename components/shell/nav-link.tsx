"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** A header link that marks itself as the current page (aria-current) on an exact path match. */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const current = usePathname() === href;
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cn(
        "inline-flex min-h-9 items-center rounded-lg px-2.5 hover:bg-slate-100 hover:text-slate-900",
        current ? "font-semibold text-brand-800" : "text-slate-700",
      )}
    >
      {children}
    </Link>
  );
}
