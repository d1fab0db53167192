"use client";

import { useQueryClient } from "@tanstack/react-query";
import { ImageUp, Trash2, UserRound } from "lucide-react";
import { useId, useRef, useState } from "react";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { StudioAvatar } from "./studio-avatar";

const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/** The avatar's photo: upload (checked again on the server by its bytes), preview and removal. */
export function PhotoEditor({ avatar }: { avatar: StudioAvatar }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ status: "idle" | "busy" | "saved" } | { status: "error"; message: string }>({ status: "idle" });
  const photoUrl = avatar.photoUpdatedAt ? `/api/studio/avatars/${avatar.id}/photo?v=${new Date(avatar.photoUpdatedAt).getTime()}` : null;

  async function send(method: "PUT" | "DELETE", body?: File) {
    if (body && body.size > MAX_PHOTO_BYTES) return setState({ status: "error", message: t("persona.photoHint") });
    setState({ status: "busy" });
    const response = await fetch(`/api/studio/avatars/${avatar.id}/photo`, { method, body, headers: body ? { "content-type": body.type || "application/octet-stream" } : undefined }).catch(() => null);
    if (!response?.ok) {
      const message = ((await response?.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message;
      return setState({ status: "error", message: message ?? t("persona.photoError") });
    }
    await queryClient.invalidateQueries({ queryKey: trpc.avatar.get.queryKey({ avatarId: avatar.id }) });
    setState({ status: "saved" });
  }

  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-3">
      <h2 id={`${id}-title`} className="text-sm font-medium text-slate-900">
        {t("persona.photo")}
      </h2>
      <div className="flex flex-wrap items-center gap-4">
        {photoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- the photo route serves the small stored image as it is
          <img src={photoUrl} alt={t("persona.photoAlt", { name: avatar.name })} className="size-20 rounded-full border border-slate-200 object-cover" />
        ) : (
          <div className="flex size-20 items-center justify-center rounded-full border border-dashed border-slate-300 bg-slate-50" role="img" aria-label={t("persona.photoNone")}>
            <UserRound aria-hidden className="size-8 text-slate-500" />
          </div>
        )}
        <div className="flex flex-wrap gap-2">
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            className="sr-only"
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = "";
              if (file) void send("PUT", file);
            }}
          />
          <Button variant="secondary" disabled={state.status === "busy"} onClick={() => input.current?.click()}>
            {state.status === "busy" ? <Spinner /> : <ImageUp aria-hidden />}
            {state.status === "busy" ? t("persona.photoUploading") : t("persona.photoUpload")}
          </Button>
          {photoUrl ? (
            <Button variant="ghost" disabled={state.status === "busy"} onClick={() => void send("DELETE")}>
              <Trash2 aria-hidden />
              {t("persona.photoRemove")}
            </Button>
          ) : null}
        </div>
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {t("persona.photoHint")}
      </p>
      {state.status === "error" ? (
        <Alert tone="danger" role="alert">
          {state.message}
        </Alert>
      ) : state.status === "saved" ? (
        <p role="status" className="text-sm text-emerald-800">
          {t("persona.photoSaved")}
        </p>
      ) : null}
    </section>
  );
}
