/** A refused request: the server's message, and for a rate limit the seconds to wait (to say in the reader's language). */
export class PatientApiError extends Error {
  constructor(
    message: string,
    readonly retryAfter: number | null,
  ) {
    super(message);
  }
}

/** The patient's own-conversation endpoints (app/api/conversations/[id]/…); each throws with the server's message. */
async function call(path: string, init: RequestInit): Promise<Response> {
  const response = await fetch(path, { ...init, headers: { "content-type": "application/json", ...init.headers } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string; retryAfter?: number } } | null;
    throw new PatientApiError(body?.error?.message || `HTTP ${response.status}`, body?.error?.retryAfter ?? null);
  }
  return response;
}

const base = (conversationId: string) => `/api/conversations/${encodeURIComponent(conversationId)}`;

export async function rateAnswer(conversationId: string, body: { messageId: string; rating: "up" | "down"; comment?: string }) {
  await call(`${base(conversationId)}/feedback`, { method: "POST", body: JSON.stringify(body) });
}

export async function askHumanDoctor(conversationId: string, body: { contact: string; note?: string }) {
  await call(`${base(conversationId)}/follow-up`, { method: "POST", body: JSON.stringify(body) });
}

export async function deleteConversation(conversationId: string) {
  await call(base(conversationId), { method: "DELETE" });
}

export const exportUrl = (conversationId: string, format: "md" | "pdf") => `${base(conversationId)}/export?format=${format}`;
