"use client";

import { useQuery } from "@tanstack/react-query";
import { useT } from "@/components/i18n/client";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Badge } from "@/components/ui/badge";
import { QueryState } from "@/components/studio/query-state";
import { fieldLabel, valueText } from "./format";

type Diff = RouterOutputs["version"]["diff"];

/** What changed in a version (against the one before it), or in the draft or a publish request's draft (against the latest version). */
export function VersionDiffView({ avatarId, versionId, requestId }: { avatarId: string; versionId?: string; requestId?: string }) {
  const t = useT();
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.version.diff.queryOptions({ avatarId, versionId, requestId }), staleTime: 0 });
  return (
    <QueryState query={query} errorText={t("doctor.diff.loadError")}>
      {(data) => <DiffBody data={data} />}
    </QueryState>
  );
}

function DiffBody({ data }: { data: Diff }) {
  const t = useT();
  const { diff, from, to } = data;
  const heading =
    to === null ? t("doctor.diff.heading.draft", { from: from ?? 0 }) : from === null ? t("doctor.diff.heading.first", { to }) : t("doctor.diff.heading.version", { to, from });
  const { protocols: p, documents: d } = diff;
  return (
    <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-slate-50 p-3 sm:p-4" data-testid="version-diff">
      <h4 className="text-sm font-semibold text-slate-900">{heading}</h4>
      {!diff.changed ? <p className="text-sm text-slate-700">{t("doctor.diff.none")}</p> : null}
      {diff.persona.length > 0 ? (
        <section className="flex flex-col gap-2">
          <h5 className="text-sm font-semibold text-slate-800">{t("doctor.diff.persona")}</h5>
          <ul className="flex flex-col gap-2">
            {diff.persona.map((c) => (
              <li key={c.field} className="rounded-md border border-slate-200 bg-white p-2 text-sm" data-testid="diff-persona-field">
                <p className="font-medium text-slate-900">{fieldLabel(t, c.field)}</p>
                <dl className="mt-1 grid gap-1 sm:grid-cols-2">
                  <div>
                    <dt className="text-xs font-medium text-slate-600">{t("doctor.diff.before")}</dt>
                    <dd className="break-words whitespace-pre-wrap text-slate-800">
                      <del className="decoration-crisis-600">{valueText(c.before, t("doctor.diff.empty"))}</del>
                    </dd>
                  </div>
                  <div>
                    <dt className="text-xs font-medium text-slate-600">{t("doctor.diff.after")}</dt>
                    <dd className="break-words whitespace-pre-wrap text-slate-900">
                      <ins className="no-underline">{valueText(c.after, t("doctor.diff.empty"))}</ins>
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {p.added.length + p.removed.length + p.changed.length > 0 ? (
        <section className="flex flex-col gap-2">
          <h5 className="text-sm font-semibold text-slate-800">{t("doctor.diff.protocols")}</h5>
          <ul className="flex flex-col gap-1 text-sm">
            {p.added.map((x) => (
              <li key={`a-${x.id}`} className="flex flex-wrap items-center gap-2">
                <Badge tone="success">{t("doctor.diff.added")}</Badge> {x.title}
              </li>
            ))}
            {p.removed.map((x) => (
              <li key={`r-${x.id}`} className="flex flex-wrap items-center gap-2">
                <Badge tone="danger">{t("doctor.diff.removed")}</Badge> {x.title}
              </li>
            ))}
            {p.changed.map((x) => (
              <li key={`c-${x.id}`} className="flex flex-wrap items-center gap-2">
                <Badge tone="warning">{t("doctor.diff.changed")}</Badge> {x.title}
                <span className="text-slate-600">{t("doctor.diff.changedFields", { fields: x.fields.map((f) => fieldLabel(t, f)).join(", ") })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {d.added.length + d.removed.length + d.replaced.length > 0 ? (
        <section className="flex flex-col gap-2">
          <h5 className="text-sm font-semibold text-slate-800">{t("doctor.diff.documents")}</h5>
          <ul className="flex flex-col gap-1 text-sm" data-testid="diff-documents">
            {d.added.map((x) => (
              <li key={`a-${x.id}`} className="flex flex-wrap items-center gap-2">
                <Badge tone="success">{t("doctor.diff.added")}</Badge> {x.title}
              </li>
            ))}
            {d.removed.map((x) => (
              <li key={`r-${x.id}`} className="flex flex-wrap items-center gap-2">
                <Badge tone="danger">{t("doctor.diff.removed")}</Badge> {x.title}
              </li>
            ))}
            {d.replaced.map((x) => (
              <li key={`p-${x.after.id}`} className="flex flex-wrap items-center gap-2">
                <Badge tone="warning">{t("doctor.diff.replaced")}</Badge> {x.after.title}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
