"use client";

import { useQuery } from "@tanstack/react-query";
import { BookOpen, MessagesSquare, UserRoundPen } from "lucide-react";
import { Chat } from "@/components/chat/chat";
import { useT } from "@/components/i18n/client";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { KnowledgePanel } from "./knowledge/knowledge-panel";
import { ProfileEditor } from "./profile-editor";
import { PublishBar } from "./publish-bar";
import { PublishedBadge } from "./published-badge";

export type StudioAvatar = RouterOutputs["avatar"]["get"];

/** One avatar's workspace: profile, knowledge and a preview chat, with publishing always at hand. */
export function AvatarWorkspace({ initialAvatar }: { initialAvatar: StudioAvatar }) {
  const t = useT();
  const trpc = useTRPC();
  const { data: avatar } = useQuery({ ...trpc.avatar.get.queryOptions({ avatarId: initialAvatar.id }), initialData: initialAvatar });
  const subtitle = [avatar.title, avatar.specialty].filter(Boolean).join(" · ");

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{avatar.name}</h1>
          <PublishedBadge published={Boolean(avatar.publishedVersionId)} />
        </div>
        {subtitle ? <p className="-mt-3 text-slate-700">{subtitle}</p> : null}
        <PublishBar avatar={avatar} />
      </div>
      <Tabs defaultValue="knowledge">
        <TabsList aria-label={t("workspace.sections")}>
          <TabsTrigger value="profile">
            <UserRoundPen aria-hidden />
            {t("workspace.tab.profile")}
          </TabsTrigger>
          <TabsTrigger value="knowledge">
            <BookOpen aria-hidden />
            {t("workspace.tab.knowledge")}
          </TabsTrigger>
          <TabsTrigger value="preview">
            <MessagesSquare aria-hidden />
            {t("workspace.tab.preview")}
          </TabsTrigger>
        </TabsList>
        <TabsContent value="profile">
          <ProfileEditor avatar={avatar} />
        </TabsContent>
        <TabsContent value="knowledge">
          <KnowledgePanel avatarId={avatar.id} />
        </TabsContent>
        <TabsContent value="preview" className="flex flex-col gap-4">
          <Alert tone="info">{t("workspace.preview.notice")}</Alert>
          <Chat target={{ previewAvatarId: avatar.id }} avatarName={avatar.name} greeting={avatar.greeting} />
        </TabsContent>
      </Tabs>
    </div>
  );
}
