import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/widget/chat/route";

const post = async (body: string) => {
  const response = await POST(new Request("http://localhost/api/widget/chat", { method: "POST", headers: { "content-type": "application/json" }, body }));
  return { status: response.status, error: ((await response.json()) as { error: { code: string; message: string } }).error };
};

describe("POST /api/widget/chat, bad input", () => {
  it("refuses a body that is not JSON, naming the problem", async () => {
    expect(await post("not json")).toEqual({ status: 400, error: { code: "bad_request", message: "The request body must be JSON." } });
  });

  it("names each missing or empty field before any database work", async () => {
    const { status, error } = await post(JSON.stringify({ slug: "dr-a", message: "  " }));
    expect(status).toBe(400);
    expect(error.message).toMatch(/Type a message first/);
    expect(error.message).toMatch(/session is missing/);
    expect(error.message).toMatch(/Reload the page to continue the chat/);
  });
});
