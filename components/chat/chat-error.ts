/**
 * The person-readable reason a turn failed. The transport surfaces a 4xx/5xx body verbatim, and the
 * chat route answers with JSON `{ error: { message } }`; a network failure has no body at all.
 */
export function chatErrorMessage(error: Error): string | null {
  try {
    const body: unknown = JSON.parse(error.message);
    const message = (body as { error?: { message?: unknown } })?.error?.message;
    if (typeof message === "string" && message) return message;
  } catch {
    // Not JSON: a stream error text or a network failure.
  }
  if (error instanceof TypeError || !error.message || error.message.trimStart().startsWith("<")) return null;
  return error.message;
}
