import type { RouterOutputs } from "@/components/trpc/react";

/** The avatar as the studio's workspace and its editors see it; its own file so the editors need not import the workspace. */
export type StudioAvatar = RouterOutputs["avatar"]["get"];
