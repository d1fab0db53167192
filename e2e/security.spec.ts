import http from "node:http";
import { expect, type Page, test } from "@playwright/test";
import { ask, DEMO_ADMIN, DEMO_AVATAR_PATH, DEMO_DOCTOR, signIn } from "./fixtures";

/**
 * Security headers on the pages, Secure cookies, and request bodies refused while they stream in.
 * The app runs as in production (`next start`), over plain HTTP on 127.0.0.1.
 */

const ALLOWED_SITE = "https://www.riverside-hospital.example";

/** Collects Content-Security-Policy violations: the browser's console errors and the page's violation events. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return violations;
}

function expectPageHeaders(headers: Record<string, string>, frameAncestors: string) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain(frameAncestors);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
}

test("public pages send the security headers and run without CSP violations", async ({ page }) => {
  const violations = watchCsp(page);
  const nonces = new Set<string>();
  for (const path of ["/", "/login", DEMO_AVATAR_PATH]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(200);
    const headers = response!.headers();
    expectPageHeaders(headers, "frame-ancestors 'none'");
    nonces.add(/'nonce-([^']+)'/.exec(headers["content-security-policy"]!)![1]!);
  }
  // A fresh nonce per response.
  expect(nonces.size).toBe(3);
  // The chat works (its scripts ran): an answer streams in, and the patient cookie is Secure.
  const answer = await ask(page, "How much salt can I eat per day?");
  await expect(answer).toHaveAttribute("data-kind", /answer|no_answer/);
  const patientCookie = (await page.context().cookies()).find((c) => c.name === "fenshen_patient");
  expect(patientCookie).toMatchObject({ secure: true, httpOnly: true });
  expect(violations).toEqual([]);
});

test("the studio sends the headers, signs in with Secure cookies, and runs without CSP violations", async ({ page }) => {
  const violations = watchCsp(page);
  await signIn(page, DEMO_DOCTOR);
  const response = await page.goto("/studio");
  expectPageHeaders(response!.headers(), "frame-ancestors 'none'");
  await expect(page.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();
  const session = (await page.context().cookies()).find((c) => c.name.includes("authjs.session-token"));
  expect(session).toMatchObject({ name: "__Secure-authjs.session-token", secure: true, httpOnly: true });
  expect(violations).toEqual([]);
});

test("an embed page keeps its organization's allowlist in frame-ancestors", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/studio/settings/widget");
  const sites = page.getByLabel("Sites allowed to embed the widget");
  const before = await sites.inputValue();
  await sites.fill([before, ALLOWED_SITE].filter(Boolean).join("\n"));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  const violations = watchCsp(page);
  // The proxy caches an organization's policy for a few seconds.
  await expect(async () => {
    const response = await page.goto(`/embed/dr-lin-wen?origin=${encodeURIComponent(ALLOWED_SITE)}`);
    expectPageHeaders(response!.headers(), `frame-ancestors 'self' `);
    expect(response!.headers()["content-security-policy"]).toContain(ALLOWED_SITE);
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("chat-log")).toBeVisible();
  expect(violations).toEqual([]);
});

test.describe("request bodies past their limits", () => {
  /** The signed-in doctor's cookies, for requests made from this test process (Node's fetch streams bodies without a length). */
  async function doctorSession(page: Page) {
    await signIn(page, DEMO_DOCTOR);
    const href = await page.locator('a[href^="/studio/avatars/"]').first().getAttribute("href");
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    return { avatarId: href!.split("/").pop()!, cookie };
  }

  /**
   * Sends a body of `bytes` bytes in chunks, without Content-Length, and returns the response, which
   * the server may give before the body is all sent (it then stops reading; the rest of the upload fails).
   */
  function streamed(url: string, method: string, headers: Record<string, string>, bytes: number): Promise<{ status: number; message: string }> {
    return new Promise((resolve, reject) => {
      const request = http.request(url, { method, headers: { ...headers, "transfer-encoding": "chunked" } }, (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode!, message: (JSON.parse(text) as { error: { message: string } }).error.message }));
        response.on("error", reject);
      });
      // Once refused, the server closes the connection under the rest of the upload: expected here.
      request.on("error", () => undefined);
      const chunk = Buffer.alloc(64 * 1024, 120);
      let sent = 0;
      const write = () => {
        while (sent < bytes) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once("drain", write);
        }
        request.end();
      };
      write();
    });
  }

  test("a photo without Content-Length and a tRPC call over the limit get 413, and nothing is stored", async ({ page, baseURL }) => {
    const { avatarId, cookie } = await doctorSession(page);
    const photoUrl = `${baseURL}/api/studio/avatars/${avatarId}/photo`;
    const photoBefore = (await fetch(photoUrl, { headers: { cookie } })).status;

    const photo = await streamed(photoUrl, "PUT", { cookie, "content-type": "image/png" }, 3 * 1024 * 1024);
    expect(photo).toEqual({ status: 413, message: "The photo is larger than 2 MB; use a smaller image." });
    expect((await fetch(photoUrl, { headers: { cookie } })).status).toBe(photoBefore);

    const trpc = await streamed(`${baseURL}/api/trpc/avatar.list`, "POST", { cookie, "content-type": "application/json" }, 9 * 1024 * 1024);
    expect(trpc).toEqual({ status: 413, message: "The request is larger than 8 MB." });
  });

  test("an upload of too many files gets 413 naming the limit, and none of its files is stored", async ({ page, baseURL }) => {
    const { avatarId, cookie } = await doctorSession(page);
    const form = new FormData();
    form.set("avatarId", avatarId);
    for (let i = 0; i < 21; i++) form.append("files", new File([`# Limit probe ${i}\n\nText.`], `limit-probe-${i}.md`, { type: "text/markdown" }));
    const upload = await fetch(`${baseURL}/api/knowledge/upload`, { method: "POST", headers: { cookie }, body: form });
    expect(upload.status).toBe(413);
    expect(((await upload.json()) as { error: { message: string } }).error.message).toBe("At most 20 files can be uploaded at a time; send the rest in another upload.");

    await page.goto(`/studio/avatars/${avatarId}`);
    const knowledge = page.getByRole("tabpanel", { name: "Knowledge" });
    await expect(knowledge.getByTestId("document").first()).toBeVisible();
    await expect(knowledge.getByText(/limit-probe/)).toHaveCount(0);
  });
});
