import { Building2 } from "lucide-react";
import type { AvatarSnapshot } from "@/db/schema";

/** Who the patient is consulting. The persona's own text is marked with its language for screen readers. */
export function AvatarProfile({ snapshot, orgName }: { snapshot: AvatarSnapshot; orgName: string }) {
  const subtitle = [snapshot.title, snapshot.specialty].filter(Boolean).join(" · ");
  return (
    <div lang={snapshot.language} className="flex flex-col gap-2">
      <h1 className="text-2xl leading-tight font-semibold tracking-tight text-slate-900 sm:text-3xl">{snapshot.name}</h1>
      {subtitle ? <p className="text-slate-800">{subtitle}</p> : null}
      <p className="flex items-center gap-1.5 text-sm text-slate-700">
        <Building2 aria-hidden className="size-4 shrink-0" />
        {orgName}
      </p>
      {snapshot.bio ? <p className="max-w-2xl text-sm leading-relaxed text-slate-700">{snapshot.bio}</p> : null}
    </div>
  );
}
