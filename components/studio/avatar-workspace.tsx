"use client";

import { useQuery } from "@tanstack/react-query";
import { BookOpen, ClipboardList, FlaskConical, History, MessagesSquare, ScrollText, SearchX, Stethoscope, UserRoundPen } from "lucide-react";
import { Chat } from "@/components/chat/chat";
import { useT } from "@/components/i18n/client";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { AvatarCasesPanel } from "./cases/avatar-cases-panel";
import { SimulationPanel } from "./simulation/simulation-panel";
import { ConversationLog } from "./conversations/conversation-log";
import { GapsPanel } from "./gaps/gaps-panel";
import { KnowledgePanel } from "./knowledge/knowledge-panel";
import { ProfileEditor } from "./profile-editor";
import { ProtocolsPanel } from "./protocols/protocols-panel";
import { PublishBar } from "./publish-bar";
import { PublishedBadge } from "./published-badge";
import { VersionsPanel } from "./versions/versions-panel";

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
          <TabsTrigger value="protocols">
            <ClipboardList aria-hidden />
            {t("protocols.tab")}
          </TabsTrigger>
          <TabsTrigger value="preview">
            <MessagesSquare aria-hidden />
            {t("workspace.tab.preview")}
          </TabsTrigger>
          <TabsTrigger value="versions">
            <History aria-hidden />
            {t("doctor.tab.versions")}
          </TabsTrigger>
          <TabsTrigger value="conversations">
            <ScrollText aria-hidden />
            {t("doctor.tab.conversations")}
          </TabsTrigger>
          <TabsTrigger value="gaps">
            <SearchX aria-hidden />
            {t("doctor.tab.gaps")}
          </TabsTrigger>
          <TabsTrigger value="cases">
            <Stethoscope aria-hidden />
            {t("workspace.tab.cases")}
          </TabsTrigger>
          <TabsTrigger value="simulation">
            <FlaskConical aria-hidden />
            {t("sim.tab")}
          </TabsTrigger>
        </TabsList>
        <TabsContent value="profile">
          {/* A rollback restores the draft and publishes: the form starts again from the restored profile. */}
          <ProfileEditor key={avatar.publishedVersionId ?? "draft"} avatar={avatar} />
        </TabsContent>
        <TabsContent value="knowledge">
          <KnowledgePanel avatarId={avatar.id} />
        </TabsContent>
        <TabsContent value="protocols">
          {/* Like the profile: a rollback restores the protocols, so an open editor starts again from them. */}
          <ProtocolsPanel key={avatar.publishedVersionId ?? "draft"} avatarId={avatar.id} published={Boolean(avatar.publishedVersionId)} />
        </TabsContent>
        <TabsContent value="preview" className="flex flex-col gap-4">
          <Alert tone="info">{t("workspace.preview.notice")}</Alert>
          <Chat target={{ previewAvatarId: avatar.id }} avatarName={avatar.name} greeting={avatar.greeting} />
        </TabsContent>
        <TabsContent value="versions">
          <VersionsPanel avatarId={avatar.id} publishedVersionId={avatar.publishedVersionId} draftStamp={String(avatar.updatedAt)} />
        </TabsContent>
        <TabsContent value="conversations">
          <ConversationLog avatarId={avatar.id} />
        </TabsContent>
        <TabsContent value="gaps">
          <GapsPanel avatarId={avatar.id} />
        </TabsContent>
        <TabsContent value="cases">
          <AvatarCasesPanel avatarId={avatar.id} />
        </TabsContent>
        <TabsContent value="simulation">
          <SimulationPanel avatarId={avatar.id} />
        </TabsContent>
      </Tabs>
    </div>
  );
}
