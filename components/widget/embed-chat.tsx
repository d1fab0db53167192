"use client";

import { useState } from "react";
import { Chat } from "@/components/chat/chat";

const SESSION_KEY = "fenshen-widget-session";

/**
 * The frame's anonymous session. Third-party frames often get no cookies, so it lives in the frame's
 * own (partitioned) storage, or only in memory when storage is blocked too.
 */
function widgetSession(): string {
  const fresh = () => crypto.randomUUID().replaceAll("-", "") + crypto.randomUUID().replaceAll("-", "");
  try {
    const saved = localStorage.getItem(SESSION_KEY);
    if (saved && saved.length >= 32) return saved;
    const created = fresh();
    localStorage.setItem(SESSION_KEY, created);
    return created;
  } catch {
    return fresh();
  }
}

/** The widget's chat: the patient chat (crisis panel, citations) posting to the widget endpoint. */
export function EmbedChat(props: { slug: string; embedToken: string; avatarName: string; greeting: string; suggestedQuestions: string[]; language: string }) {
  const [sessionToken] = useState(() => (typeof window === "undefined" ? "" : widgetSession()));
  return (
    <Chat
      target={{ slug: props.slug }}
      avatarName={props.avatarName}
      greeting={props.greeting}
      suggestedQuestions={props.suggestedQuestions}
      language={props.language}
      endpoint={{ api: "/api/widget/chat", body: { sessionToken, embedToken: props.embedToken } }}
    />
  );
}
