"use client";

import { useMutation } from "@tanstack/react-query";
import { ThumbsDown, ThumbsUp } from "lucide-react";
import { useId, useState } from "react";
import { useT } from "@/components/i18n/client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { useSavedFeedback } from "./feedback-context";
import { rateAnswer } from "./patient-api";

const MAX_COMMENT = 1000;

/** Thumbs up or down on one answer, then an optional comment; changing one's mind replaces the rating. */
export function AnswerFeedback({ conversationId, messageId }: { conversationId: string; messageId: string }) {
  const t = useT();
  const id = useId();
  const saved = useSavedFeedback(messageId);
  const [rating, setRating] = useState<"up" | "down" | null>(saved?.rating ?? null);
  const [comment, setComment] = useState(saved?.comment ?? "");
  const [commentSent, setCommentSent] = useState(Boolean(saved?.comment));
  const rate = useMutation({ mutationFn: (body: { rating: "up" | "down"; comment?: string }) => rateAnswer(conversationId, { messageId, ...body }) });

  function choose(next: "up" | "down") {
    setRating(next);
    setCommentSent(false);
    rate.mutate({ rating: next, comment: comment.trim() || undefined });
  }

  return (
    <div className="mt-3 flex flex-col gap-2 border-t border-slate-200 pt-2" data-testid="answer-feedback">
      <div role="group" aria-label={t("patient.feedback.label")} className="flex flex-wrap items-center gap-1">
        <span className="mr-1 text-xs text-slate-700">{t("patient.feedback.label")}</span>
        {(["up", "down"] as const).map((value) => {
          const Icon = value === "up" ? ThumbsUp : ThumbsDown;
          const pressed = rating === value;
          return (
            <Button
              key={value}
              variant="ghost"
              size="sm"
              aria-pressed={pressed}
              onClick={() => choose(value)}
              className={cn("min-w-11", pressed && (value === "up" ? "bg-emerald-50 text-emerald-800" : "bg-amber-50 text-amber-900"))}
            >
              <Icon aria-hidden className={cn(pressed && "fill-current")} />
              <span className="sr-only">{t(value === "up" ? "patient.feedback.up" : "patient.feedback.down")}</span>
            </Button>
          );
        })}
        {rate.isPending ? <Spinner /> : null}
      </div>
      {rating && !commentSent ? (
        <form
          className="flex flex-col gap-1.5"
          onSubmit={(event) => {
            event.preventDefault();
            rate.mutate({ rating, comment: comment.trim() || undefined }, { onSuccess: () => setCommentSent(true) });
          }}
        >
          <label htmlFor={`${id}-comment`} className="text-xs font-medium text-slate-800">
            {t(rating === "down" ? "patient.feedback.commentLabel" : "patient.feedback.commentLabelUp")}
          </label>
          <Textarea id={`${id}-comment`} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={MAX_COMMENT} rows={2} className="min-h-11 text-sm" />
          <Button type="submit" variant="secondary" size="sm" className="self-start" disabled={rate.isPending || !comment.trim()}>
            {t("patient.feedback.send")}
          </Button>
        </form>
      ) : null}
      <p role="status" className="text-xs text-slate-700">
        {rate.isError ? <span className="text-crisis-700">{t("patient.feedback.error")}</span> : rate.isSuccess || commentSent ? t("patient.feedback.thanks") : null}
      </p>
    </div>
  );
}
