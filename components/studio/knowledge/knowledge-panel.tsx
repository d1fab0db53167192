"use client";

import { useT } from "@/components/i18n/client";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { AddDocuments } from "./add-documents";
import { DocumentList } from "./document-list";
import { RetrievalTest } from "./retrieval-test";
import { SharedKnowledge } from "./shared-knowledge";
import { TestQuestionsPanel } from "./test-questions";

/**
 * The avatar's materials: add them (files or pasted text, with their source), watch them being processed,
 * inspect, replace and manage them, see which shared corpora it draws on, test what retrieval finds for a question,
 * and keep test questions whose recall is checked before every publish.
 */
export function KnowledgePanel({ avatarId }: { avatarId: string }) {
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <AddDocuments owner={{ avatarId }} />
      <section aria-labelledby="documents-title" className="flex flex-col gap-3">
        <h2 id="documents-title" className="text-lg font-semibold text-slate-900">
          {t("knowledge.documents.title")}
        </h2>
        <DocumentList owner={{ avatarId }} />
      </section>
      <Card>
        <CardHeader>
          <CardTitle>{t("corpora.avatar.title")}</CardTitle>
          <CardDescription>{t("corpora.avatar.lead")}</CardDescription>
        </CardHeader>
        <CardContent>
          <SharedKnowledge avatarId={avatarId} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("knowledge.test.title")}</CardTitle>
          <CardDescription>{t("knowledge.test.lead")}</CardDescription>
        </CardHeader>
        <CardContent>
          <RetrievalTest avatarId={avatarId} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("testq.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <TestQuestionsPanel avatarId={avatarId} />
        </CardContent>
      </Card>
    </div>
  );
}
