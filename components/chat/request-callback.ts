/** Leaves a phone number on the conversation's crisis escalation; throws with the server's message. */
export async function requestCallback(conversationId: string, phone: string): Promise<void> {
  const response = await fetch("/api/chat/callback", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ conversationId, phone }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message || `HTTP ${response.status}`);
  }
}
