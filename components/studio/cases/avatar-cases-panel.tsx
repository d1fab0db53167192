"use client";

import { Library } from "lucide-react";
import Link from "next/link";
import { useT } from "@/components/i18n/client";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConsultPanel } from "./consult-panel";
import { DemonstrationList } from "./demonstration-list";

/** The avatar workspace's "Virtual patients" tab: consult a case as the doctor, and the demonstrations saved. */
export function AvatarCasesPanel({ avatarId }: { avatarId: string }) {
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Button asChild variant="secondary" size="sm">
          <Link href="/studio/cases">
            <Library aria-hidden />
            {t("cases.openLibrary")}
          </Link>
        </Button>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("consult.title")}</CardTitle>
          <CardDescription>{t("consult.lead")}</CardDescription>
        </CardHeader>
        <CardContent>
          <ConsultPanel avatarId={avatarId} />
        </CardContent>
      </Card>
      <section aria-labelledby="demonstrations-title" className="flex flex-col gap-3">
        <div className="flex flex-col gap-1">
          <h2 id="demonstrations-title" className="text-lg font-semibold text-slate-900">
            {t("demos.title")}
          </h2>
          <p className="text-sm text-slate-700">{t("demos.lead")}</p>
        </div>
        <DemonstrationList avatarId={avatarId} />
      </section>
    </div>
  );
}
