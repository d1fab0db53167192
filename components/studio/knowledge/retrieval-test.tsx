"use client";

import { useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useId, useState } from "react";
import { useT } from "@/components/i18n/client";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";

type TestResult = RouterOutputs["knowledge"]["testRetrieval"];

const fixed = (n: number) => n.toFixed(2);

/** "What would my avatar find for this question?": the curated answer it would give, and the passages with their scores. */
export function RetrievalTest({ avatarId }: { avatarId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const id = useId();
  const [query, setQuery] = useState("");
  const result = useQuery({
    ...trpc.knowledge.testRetrieval.queryOptions({ avatarId, query }),
    enabled: query.length > 0,
    staleTime: 0,
  });

  return (
    <div className="flex flex-col gap-4">
      <form
        role="search"
        className="flex flex-col gap-3 sm:flex-row sm:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          const value = String(new FormData(event.currentTarget).get("query") ?? "").trim();
          if (value === query) void result.refetch();
          else setQuery(value);
        }}
      >
        <Field label={t("knowledge.test.query")} htmlFor={`${id}-query`} className="flex-1">
          <Input id={`${id}-query`} name="query" required maxLength={1000} />
        </Field>
        <Button type="submit" disabled={result.isFetching}>
          {result.isFetching ? <Spinner /> : <Search aria-hidden />}
          {result.isFetching ? t("knowledge.test.pending") : t("knowledge.test.submit")}
        </Button>
      </form>
      <div aria-live="polite" data-testid="retrieval-test">
        {result.isError ? (
          <Alert tone="danger" role="alert">
            {result.error.message}
          </Alert>
        ) : result.data ? (
          <TestResults data={result.data} />
        ) : null}
      </div>
    </div>
  );
}

function TestResults({ data }: { data: TestResult }) {
  const t = useT();
  const curated = data.curated;
  return (
    <div className="flex flex-col gap-3">
      {curated ? (
        <section
          data-testid="retrieval-curated"
          data-matched={curated.matched}
          className={curated.matched ? "rounded-lg border border-emerald-200 bg-emerald-50 p-3" : "rounded-lg border border-slate-200 p-3"}
        >
          <h3 className="text-sm font-semibold text-slate-900">{curated.matched ? t("knowledge.test.curatedMatch") : t("knowledge.test.curatedNear")}</h3>
          <p className="mt-1 text-sm font-medium text-slate-800">{curated.question}</p>
          <p className="mt-1 text-sm whitespace-pre-wrap text-slate-800">{curated.answer}</p>
          <p className="mt-2 flex flex-wrap gap-2">
            <Badge tone={curated.matched ? "success" : "neutral"}>{t("knowledge.test.score", { score: fixed(curated.score) })}</Badge>
            <Badge>{t("knowledge.test.similarity", { similarity: fixed(curated.similarity) })}</Badge>
          </p>
        </section>
      ) : null}
      <section className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{t("knowledge.test.passages", { count: data.passages.length })}</h3>
        {data.passages.length === 0 ? (
          <p className="text-sm text-slate-700">{t("knowledge.test.none")}</p>
        ) : (
          <ol className="flex flex-col gap-2">
            {data.passages.map((p, i) => (
              <li key={p.id} data-testid="retrieval-passage" className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                <p className="mb-1 flex flex-wrap items-center gap-2 text-xs text-slate-700">
                  <span className="font-semibold text-slate-900">
                    {i + 1}. {p.documentTitle}
                  </span>
                  {p.headingPath.length > 0 ? <span>{p.headingPath.join(" › ")}</span> : null}
                  {p.page ? <span>{t("chat.sources.page", { page: p.page })}</span> : null}
                  <Badge tone="brand">{t("knowledge.test.score", { score: p.score.toFixed(3) })}</Badge>
                  <Badge>{t("knowledge.test.similarity", { similarity: fixed(p.similarity) })}</Badge>
                </p>
                <p className="leading-relaxed whitespace-pre-wrap text-slate-900">{p.content}</p>
              </li>
            ))}
          </ol>
        )}
        <p className="text-xs text-slate-600">{t("knowledge.test.time", { ms: data.ms })}</p>
      </section>
    </div>
  );
}
