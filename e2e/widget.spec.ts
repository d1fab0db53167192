import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type FrameLocator, type Locator, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { ask, DEMO_ADMIN, signIn } from "./fixtures";

/**
 * The chat widget on a hospital's own site: pages served from other local origins (localhost and a
 * port of their own, while the app is on 127.0.0.1) include the script tag; only the allowed one gets
 * a working chat.
 */
// The later tests use the site the first one allows: after a failure the rest is skipped, not run on a wrong state.
test.describe.configure({ mode: "serial" });

let allowedHost: http.Server;
let otherHost: http.Server;
let allowedOrigin = "";
let otherOrigin = "";

function hostPage(appOrigin: string) {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const attribute = url.searchParams.get("org") ? `data-org="${url.searchParams.get("org")}"` : `data-avatar="${url.searchParams.get("avatar") ?? "dr-lin-wen"}"`;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><title>Riverside Hospital</title></head>
<body><main><h1>Riverside Hospital</h1><p>Welcome to our cardiology clinic.</p></main>
<script src="${appOrigin}/widget.js" ${attribute} async></script></body></html>`);
  });
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  return `http://localhost:${(server.address() as AddressInfo).port}`;
}

test.beforeAll(async ({ baseURL }) => {
  allowedHost = hostPage(baseURL!);
  otherHost = hostPage(baseURL!);
  allowedOrigin = await listen(allowedHost);
  otherOrigin = await listen(otherHost);
});

test.afterAll(async () => {
  await new Promise((r) => allowedHost?.close(r));
  await new Promise((r) => otherHost?.close(r));
});

/** Opens the chat bubble; returns the frame and its body (what the chat helpers take). */
async function openBubble(page: Page): Promise<{ frame: FrameLocator; body: Locator }> {
  await page.getByRole("button", { name: "Ask the doctor's AI avatar" }).click();
  const frame = page.frameLocator('iframe[title="Ask the doctor\'s AI avatar"]');
  return { frame, body: frame.locator("body") };
}

test("an admin allows a site, which then chats through the widget with citations and crisis handling", async ({ page, baseURL }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/studio/settings/widget");
  await page.getByLabel("Sites allowed to embed the widget").fill(allowedOrigin);
  await page.getByLabel("Messages per minute, per site").fill("60");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.getByLabel("What the bubble opens").selectOption("dr-lin-wen");
  await expect(page.getByTestId("widget-snippet")).toContainText(`${baseURL}/widget.js`);
  await expect(page.getByTestId("widget-snippet")).toContainText('data-avatar="dr-lin-wen"');
  await expectNoSeriousA11yViolations(page, "widget settings");

  await page.goto(`${allowedOrigin}/?avatar=dr-lin-wen`);
  const { frame, body } = await openBubble(page);
  await expect(frame.getByTestId("embed-brand")).toContainText("Dr. Lin Wen");
  await expect(frame.getByTestId("ai-notice")).toBeVisible();
  const answer = await ask(body, "How much salt can I eat per day?");
  await expect(answer).toHaveAttribute("data-kind", "answer");
  await expect(answer.getByTestId("source").first()).toBeVisible();

  const crisis = await ask(body, "I want to kill myself tonight");
  await expect(crisis).toHaveAttribute("data-kind", "crisis");
  await expect(frame.getByTestId("crisis-panel")).toBeVisible();

  // The bubble closes with Escape and gives focus back to its button.
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Ask the doctor's AI avatar" })).toBeFocused();
});

test("the organization's picker leads to an avatar's chat", async ({ page }) => {
  await page.goto(`${allowedOrigin}/?org=demo-hospital`);
  const { frame, body } = await openBubble(page);
  await frame.getByRole("link", { name: /Dr\. Lin Wen/ }).click();
  const answer = await ask(body, "血压多少算高血压？");
  await expect(answer).toHaveAttribute("data-kind", /answer|no_answer/);
  await expect(frame.getByRole("link", { name: "All doctors" })).toBeVisible();
});

test("a site that is not allowed gets neither the frame nor the chat API", async ({ page, request }) => {
  const embedResponse = page.waitForResponse((r) => r.url().includes("/embed/dr-lin-wen"));
  await page.goto(`${otherOrigin}/?avatar=dr-lin-wen`);
  const { frame } = await openBubble(page);
  const csp = (await embedResponse).headers()["content-security-policy"];
  expect(csp).toContain("frame-ancestors");
  expect(csp).toContain(allowedOrigin);
  expect(csp).not.toContain(otherOrigin);
  // The browser refuses to render the page in this site's frame: no chat appears in it.
  await page.waitForTimeout(500);
  await expect(frame.getByTestId("chat-log")).toHaveCount(0);

  const refused = await request.post("/api/widget/chat", {
    headers: { origin: otherOrigin },
    data: { slug: "dr-lin-wen", message: "Hello", sessionToken: "s".repeat(32), embedToken: "x.y" },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toContain(otherOrigin);
});

test("the embed page is accessible, and refuses to serve its chat when opened for a site that is not allowed", async ({ page }) => {
  await page.goto(`/embed/dr-lin-wen?origin=${encodeURIComponent(allowedOrigin)}`);
  await expect(page.getByTestId("chat-log")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "embed page");

  await page.goto(`/embed/dr-lin-wen?origin=${encodeURIComponent(otherOrigin)}`);
  await expect(page.getByTestId("embed-refused")).toContainText(otherOrigin);
  await expect(page.getByTestId("chat-log")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "embed page (refused)");
});
