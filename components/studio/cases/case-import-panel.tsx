"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { useId, useState } from "react";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { CASE_IMPORT_MAX_CHARS, type ImportIssue, parseCaseImport } from "@/server/simulation/case-import";
import { messageOf } from "./case-errors";

/** Import from a file or pasted JSON; the browser checks the cards first and names every problem by its path. */
export function CaseImportPanel() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [json, setJson] = useState("");
  const [issues, setIssues] = useState<ImportIssue[]>([]);
  const [done, setDone] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const importCases = useMutation(
    trpc.cases.import.mutationOptions({
      onSuccess: (rows) => {
        setDone(rows.length);
        setJson("");
        void queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
      },
      onError: (e) => setFailure(e.message),
    }),
  );

  async function chooseFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      setJson(await file.text());
      setIssues([]);
      setFailure(null);
    } catch {
      setFailure(t("cases.import.readFailed"));
    }
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    setFailure(null);
    const parsed = parseCaseImport(json);
    if (!parsed.ok) {
      setIssues(parsed.issues);
      return;
    }
    setIssues([]);
    importCases.mutate({ json });
  }

  const describe = (issue: ImportIssue) => {
    if (issue.code === "invalid_json") return t("cases.import.invalidJson", { detail: issue.message.replace(/^Not valid JSON: /, "") });
    if (issue.code === "file_too_large") return t("cases.import.tooLarge");
    const wholeList = issue.path === "(root)" || issue.path === "cases";
    if (wholeList && issue.code === "too_small") return t("cases.import.empty");
    if (wholeList && issue.code === "too_big") return t("cases.import.tooMany");
    const m = messageOf(issue);
    return t(m.key, m.vars);
  };

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4" aria-busy={importCases.isPending}>
      <Field label={t("cases.import.file")} htmlFor={`${id}-file`}>
        <Input id={`${id}-file`} type="file" accept="application/json,.json" onChange={chooseFile} className="py-2 text-sm" />
      </Field>
      <Field label={t("cases.import.paste")} htmlFor={`${id}-json`}>
        <Textarea
          id={`${id}-json`}
          rows={5}
          maxLength={CASE_IMPORT_MAX_CHARS}
          spellCheck={false}
          className="font-mono text-sm"
          value={json}
          onChange={(e) => {
            setJson(e.target.value);
            setIssues([]);
          }}
        />
      </Field>
      {issues.length > 0 ? (
        <Alert tone="danger" role="alert" title={t("cases.import.errors")}>
          <ul className="mt-1 list-disc pl-5" data-testid="import-errors">
            {issues.slice(0, 20).map((issue, i) => (
              <li key={i}>
                <code className="font-mono text-xs">{issue.path}</code>: {describe(issue)}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {failure ? (
        <Alert tone="danger" role="alert">
          {failure}
        </Alert>
      ) : null}
      {done !== null ? (
        <Alert tone="success" role="status">
          {t("cases.import.done", { count: done })}
        </Alert>
      ) : null}
      <div>
        <Button type="submit" variant="secondary" disabled={importCases.isPending || json.trim() === ""}>
          <Upload aria-hidden />
          {t("cases.import.submit")}
        </Button>
      </div>
    </form>
  );
}
