"use client";

import { useT } from "@/components/i18n/client";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { KnowledgeOwner } from "./owner";
import { PasteForm } from "./paste-form";
import { UploadForm } from "./upload-form";

/** The two ways to add material, side by side: upload files or paste text, for an avatar or a shared corpus alike. */
export function AddDocuments({ owner }: { owner: KnowledgeOwner }) {
  const t = useT();
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>{t("knowledge.upload.title")}</CardTitle>
          <CardDescription>{t("knowledge.upload.lead")}</CardDescription>
        </CardHeader>
        <CardContent>
          <UploadForm owner={owner} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("knowledge.paste.heading")}</CardTitle>
          <CardDescription>{t("knowledge.paste.lead")}</CardDescription>
        </CardHeader>
        <CardContent>
          <PasteForm owner={owner} />
        </CardContent>
      </Card>
    </div>
  );
}
