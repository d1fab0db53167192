import { AlarmClock, CalendarClock, House, Siren } from "lucide-react";
import { useT } from "@/components/i18n/client";
import { cn } from "@/components/ui/cn";
import type { UrgencyLevel } from "@/db/schema/columns";

const STYLE: Record<UrgencyLevel, { icon: typeof Siren; className: string }> = {
  self_care: { icon: House, className: "border-emerald-200 bg-emerald-50 text-emerald-900" },
  days: { icon: CalendarClock, className: "border-brand-100 bg-brand-50 text-brand-800" },
  today: { icon: AlarmClock, className: "border-amber-300 bg-amber-50 text-amber-900" },
  emergency: { icon: Siren, className: "border-red-300 bg-crisis-50 text-crisis-700" },
};

/** How urgently the answer advises care, on the doctor's scale: labelled in words, never by colour alone. */
export function UrgencyBanner({ level }: { level: UrgencyLevel }) {
  const t = useT();
  const { icon: Icon, className } = STYLE[level];
  return (
    <p
      data-testid="urgency"
      data-level={level}
      className={cn("mb-2 flex items-center gap-2 rounded-lg border px-3 py-2 text-sm font-medium", level === "emergency" && "font-semibold", className)}
    >
      <Icon aria-hidden className="size-4 shrink-0" />
      <span>
        <span className="sr-only sm:not-sr-only">{t("urgency.label")}: </span>
        {t(`urgency.${level}`)}
      </span>
    </p>
  );
}
