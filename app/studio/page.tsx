import type { Metadata } from "next";
import { getT } from "@/components/i18n/server";
import { AvatarList } from "@/components/studio/avatar-list";
import { CreateAvatarForm } from "@/components/studio/create-avatar-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("studio.title") };
}

export default async function StudioPage() {
  const t = await getT();
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t("studio.title")}</h1>
        <p className="text-slate-700">{t("studio.lead")}</p>
      </div>
      <section aria-labelledby="my-avatars" className="flex flex-col gap-3">
        <h2 id="my-avatars" className="text-lg font-semibold text-slate-900">
          {t("studio.avatars.title")}
        </h2>
        <AvatarList />
      </section>
      <Card>
        <CardHeader>
          <CardTitle id="create-avatar">{t("studio.create.title")}</CardTitle>
          <CardDescription>{t("studio.create.lead")}</CardDescription>
        </CardHeader>
        <CardContent>
          <CreateAvatarForm />
        </CardContent>
      </Card>
    </div>
  );
}
