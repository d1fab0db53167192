"use client";

import { useQuery } from "@tanstack/react-query";
import { BookOpen, ClipboardList, FlaskConical, History, type LucideIcon, MessagesSquare, ScrollText, SearchX, Stethoscope, UserRoundPen } from "lucide-react";
import { Chat } from "@/components/chat/chat";
import { useT } from "@/components/i18n/client";
import type { MessageKey } from "@/server/i18n/messages";
import { useTRPC } from "@/components/trpc/react";
import type { StudioAvatar } from "./studio-avatar";
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


/** One avatar's workspace: profile, knowledge and a preview chat, with publishing always at hand. */
export function AvatarWorkspace({ initialAvatar }: { initialAvatar: StudioAvatar }) {
  const t = useT();
  const trpc = useTRPC();
  const { data: avatar } = useQuery({ ...trpc.avatar.get.queryOptions({ avatarId: initialAvatar.id }), initialData: initialAvatar });
  const subtitle = [avatar.title, avatar.specialty].filter(Boolean).join(" · ");
  const published = Boolean(avatar.publishedVersionId);
  // One list drives both the tab triggers and their panels, so a section is added in one place.
  const sections: { value: string; icon: LucideIcon; label: MessageKey; className?: string; content: React.ReactNode }[] = [
    {
      value: "profile",
      icon: UserRoundPen,
      label: "workspace.tab.profile",
      // A rollback restores the draft and publishes: the form starts again from the restored profile.
      content: <ProfileEditor key={avatar.publishedVersionId ?? "draft"} avatar={avatar} />,
    },
    { value: "knowledge", icon: BookOpen, label: "workspace.tab.knowledge", content: <KnowledgePanel avatarId={avatar.id} /> },
    {
      value: "protocols",
      icon: ClipboardList,
      label: "protocols.tab",
      // Like the profile: a rollback restores the protocols, so an open editor starts again from them.
      content: <ProtocolsPanel key={avatar.publishedVersionId ?? "draft"} avatarId={avatar.id} published={published} />,
    },
    {
      value: "preview",
      icon: MessagesSquare,
      label: "workspace.tab.preview",
      className: "flex flex-col gap-4",
      content: (
        <>
          <Alert tone="info">{t("workspace.preview.notice")}</Alert>
          <Chat target={{ previewAvatarId: avatar.id }} avatarName={avatar.name} greeting={avatar.greeting} />
        </>
      ),
    },
    {
      value: "versions",
      icon: History,
      label: "doctor.tab.versions",
      content: <VersionsPanel avatarId={avatar.id} publishedVersionId={avatar.publishedVersionId} draftStamp={String(avatar.updatedAt)} />,
    },
    { value: "conversations", icon: ScrollText, label: "doctor.tab.conversations", content: <ConversationLog avatarId={avatar.id} /> },
    { value: "gaps", icon: SearchX, label: "doctor.tab.gaps", content: <GapsPanel avatarId={avatar.id} /> },
    { value: "cases", icon: Stethoscope, label: "workspace.tab.cases", content: <AvatarCasesPanel avatarId={avatar.id} /> },
    { value: "simulation", icon: FlaskConical, label: "sim.tab", content: <SimulationPanel avatarId={avatar.id} /> },
  ];

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{avatar.name}</h1>
          <PublishedBadge published={published} />
        </div>
        {subtitle ? <p className="-mt-3 text-slate-700">{subtitle}</p> : null}
        <PublishBar avatar={avatar} />
      </div>
      <Tabs defaultValue="knowledge">
        <TabsList aria-label={t("workspace.sections")}>
          {sections.map(({ value, icon: Icon, label }) => (
            <TabsTrigger key={value} value={value}>
              <Icon aria-hidden />
              {t(label)}
            </TabsTrigger>
          ))}
        </TabsList>
        {sections.map(({ value, className, content }) => (
          <TabsContent key={value} value={value} className={className}>
            {content}
          </TabsContent>
        ))}
      </Tabs>
    </div>
  );
}
