import { readFile } from "node:fs/promises";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { ask, DEMO_AVATAR_PATH, DEMO_DOCTOR, signIn } from "./fixtures";

const SALT = "How much salt should I eat per day?";

/** Clicks a download link and returns the downloaded file's bytes. */
async function download(page: Page, link: Locator): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return readFile((await file.path())!);
}

test.describe("the directory", () => {
  test("finds the demo avatar by specialty, hospital and language, with an empty state @phone", async ({ page }) => {
    await page.goto("/");
    const search = page.getByRole("search");
    await search.getByLabel("Search by name, specialty or hospital").fill("cardiology");
    await search.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=cardiology/);
    await expect(page.getByTestId("avatar-card").filter({ hasText: "Dr. Lin Wen" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "directory with results");

    await page.goto("/?q=Demo+Hospital&lang=en");
    await expect(page.getByTestId("avatar-card").filter({ hasText: "Dr. Lin Wen" })).toBeVisible();
    await expect(page.getByLabel("Answers in")).toHaveValue("en");

    await page.goto("/?q=dermatology");
    await expect(page.getByText("No avatars match your search")).toBeVisible();
    await expect(page.getByTestId("avatar-card")).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, "directory with no match");
  });
});

test.describe("a Chinese browser", () => {
  test.use({ locale: "zh-CN" });

  test("gets the Chinese interface without choosing it", async ({ page }) => {
    await page.goto(DEMO_AVATAR_PATH);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: "您可以问" })).toBeVisible();
  });
});

test.describe("a patient's conversation", () => {
  test("asks, opens a source, rates, asks a human, reloads, exports and deletes @phone", async ({ page }, testInfo) => {
    await page.goto(DEMO_AVATAR_PATH);
    const profile = page.getByTestId("avatar-profile");
    await expect(profile.getByRole("heading", { level: 1 })).toContainText("Dr. Lin Wen");
    await expect(profile).toContainText("Cardiology");
    await expect(profile).toContainText("Demo Hospital");
    await expect(page.getByTestId("ai-notice")).toBeVisible();
    await expectNoSeriousA11yViolations(page, "avatar page");

    // A suggested question is sent as the patient's question.
    const replies = page.getByTestId("avatar-message");
    await page.getByTestId("suggested-questions").getByRole("button", { name: SALT }).click();
    await expect(page.getByTestId("patient-message").first()).toContainText(SALT);
    const reply = replies.first();
    await expect(reply).toHaveAttribute("data-kind", "answer", { timeout: 30_000 });
    await expect(page.getByTestId("suggested-questions")).toHaveCount(0);

    // [n] opens and focuses its source: document, section, page or provenance, and the passage.
    await reply.getByTestId("citation-marker").first().click();
    const source = reply.getByTestId("source").first();
    await expect(source.getByTestId("source-passage")).toBeVisible();
    await expect(source.getByRole("button")).toBeFocused();
    await expect(source.getByRole("button")).toHaveAttribute("aria-expanded", "true");
    await expect(source).toContainText("Living with high blood pressure");

    // Thumbs down with a comment.
    const feedback = reply.getByTestId("answer-feedback");
    await feedback.getByRole("button", { name: "Not helpful" }).click();
    await expect(feedback.getByRole("button", { name: "Not helpful" })).toHaveAttribute("aria-pressed", "true");
    await feedback.getByLabel("What was wrong or missing? (optional)").fill("I wanted to know about salt substitutes.");
    await feedback.getByRole("button", { name: "Send comment" }).click();
    await expect(feedback.getByRole("status")).toHaveText("Thank you, the doctor will see your feedback.");

    // Ask a human doctor: a bad contact is named, a good one is recorded.
    const tools = page.getByTestId("conversation-tools");
    await tools.getByRole("button", { name: "Ask a human doctor" }).click();
    await tools.getByLabel("Phone or e-mail").fill("call me tomorrow");
    await tools.getByRole("button", { name: "Send request" }).click();
    await expect(tools.getByRole("alert")).toContainText("phone number");
    await tools.getByLabel("Phone or e-mail").fill("patient@example.com");
    await tools.getByLabel("What would you like to ask? (optional)").fill("Can I use a salt substitute with my tablets?");
    await tools.getByRole("button", { name: "Send request" }).click();
    await expect(tools.getByTestId("follow-up-done")).toContainText("patient@example.com");

    // A reload keeps the conversation: question, answer, its sources and the rating.
    await page.reload();
    await expect(page.getByTestId("patient-message")).toHaveCount(1);
    await expect(page.getByTestId("patient-message").first()).toContainText(SALT);
    const reloaded = page.getByTestId("avatar-message").first();
    await expect(reloaded).toHaveAttribute("data-kind", "answer");
    await expect(reloaded.getByTestId("source").first()).toContainText("Living with high blood pressure");
    await expect(reloaded.getByRole("button", { name: "Not helpful" })).toHaveAttribute("aria-pressed", "true");
    await testInfo.attach("reloaded", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

    // The next question continues the same conversation.
    await ask(page, "What is a normal blood pressure?");
    await expect(page.getByTestId("patient-message")).toHaveCount(2);

    // Export as Markdown and as PDF.
    const markdown = (await download(page, tools.getByRole("link", { name: "Download as Markdown" }))).toString("utf8");
    expect(markdown).toContain("# Conversation with");
    expect(markdown).toContain(SALT);
    expect(markdown).toContain("Living with high blood pressure");
    const pdf = await download(page, tools.getByRole("link", { name: "Download as PDF" }));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // Delete, after confirming; a reload shows a fresh consultation.
    await tools.getByRole("button", { name: "Delete conversation" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText("Delete this conversation?");
    await dialog.getByRole("button", { name: "Delete for good" }).click();
    await expect(page.getByText("The conversation was deleted.")).toBeVisible();
    await expect(page.getByTestId("patient-message")).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("patient-message")).toHaveCount(0);
    await expect(page.getByTestId("suggested-questions")).toBeVisible();
  });

  test("another browser cannot read, export or delete the conversation", async ({ page, browser }) => {
    await page.goto(DEMO_AVATAR_PATH);
    await ask(page, SALT);
    const exportHref = await page.getByTestId("conversation-tools").getByRole("link", { name: "Download as Markdown" }).getAttribute("href");
    const conversationUrl = exportHref!.replace(/\/export\?.*$/, "");

    const stranger = await browser.newContext();
    const response = await stranger.request.get(exportHref!, { failOnStatusCode: false });
    expect(response.status()).toBe(404);
    expect((await stranger.request.delete(conversationUrl, { failOnStatusCode: false })).status()).toBe(404);
    await stranger.close();
    expect((await page.request.get(exportHref!)).status()).toBe(200);
  });
});

test.describe("my conversations", () => {
  test("lists this browser's conversations, and keeps them in a new patient account", async ({ page }) => {
    await page.goto(DEMO_AVATAR_PATH);
    await ask(page, SALT);

    await page.goto("/me");
    await expect(page.getByRole("heading", { level: 1, name: "My conversations" })).toBeVisible();
    await expect(page.getByTestId("history-item").first()).toContainText(SALT);
    await expectNoSeriousA11yViolations(page, "history page");

    await page.getByLabel("Your name").fill("Pat Patient");
    await page.getByLabel("Email").fill(`pat-${Date.now()}@example.com`);
    await page.getByLabel("Password (at least 8 characters)").fill("a-long-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByText(/Signed in as pat-/)).toBeVisible();
    await expect(page.getByTestId("history-item").first()).toContainText(SALT);
    // A patient account has no studio: the header offers none, and the studio sends it back here.
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Studio" })).toHaveCount(0);
    await page.goto("/studio");
    await expect(page).toHaveURL(/\/me$/);

    // Continue goes back to that conversation.
    await page.getByTestId("history-item").first().getByRole("link", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/d\/dr-lin-wen\?c=/);
    await expect(page.getByTestId("patient-message").first()).toContainText(SALT);
  });

  test("the empty history points to the directory @phone", async ({ page }) => {
    await page.goto("/me");
    await expect(page.getByText("No conversations yet")).toBeVisible();
    await expectNoSeriousA11yViolations(page, "empty history page");
  });
});

test("the doctor sees a patient's request for a human doctor and marks it contacted", async ({ page, browser }) => {
  const patient = await browser.newPage();
  await patient.goto(DEMO_AVATAR_PATH);
  await ask(patient, SALT);
  const tools = patient.getByTestId("conversation-tools");
  await tools.getByRole("button", { name: "Ask a human doctor" }).click();
  const phone = `+86 138 ${String(Date.now()).slice(-8)}`;
  await tools.getByLabel("Phone or e-mail").fill(phone);
  await tools.getByRole("button", { name: "Send request" }).click();
  await expect(tools.getByTestId("follow-up-done")).toBeVisible();
  await patient.close();

  await signIn(page, DEMO_DOCTOR);
  await page.goto("/studio/inbox");
  const request = page.getByTestId("follow-up").filter({ hasText: phone });
  await expect(request).toContainText(SALT);
  await request.getByRole("button", { name: "Mark contacted" }).click();
  await expect(request).toHaveCount(0);
  await page.getByLabel("Show", { exact: true }).selectOption("contacted");
  await expect(page.getByTestId("follow-up").filter({ hasText: phone })).toContainText("Contacted");
});
