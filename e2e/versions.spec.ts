import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { ask } from "./fixtures";

const NOTES = `# Blood pressure

With high blood pressure, eat less than five grams of salt a day. Salt raises blood pressure.

# Exercise

Walk briskly for thirty minutes on most days of the week.`;

const BREAD_ANSWER = "Sourdough bread is fine in moderation; choose a wholegrain loaf and keep the salt low.";

test("publish, edit the draft, compare, roll back, and close a knowledge gap", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const email = `dr.chen.${Date.now()}@example.com`;

  // A doctor of their own (personal) organization, so no publishing approval applies.
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Dr. Ivy Chen");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("pressure-2024");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/studio$/);

  await page.getByLabel("Name shown to patients").fill("Dr. Ivy Chen");
  await page.getByLabel("Main language").selectOption("en");
  await page.getByRole("button", { name: "Create avatar" }).click();
  await expect(page).toHaveURL(/\/studio\/avatars\/[^/]+$/);

  const knowledge = page.getByRole("tabpanel", { name: "Knowledge", exact: true });
  await knowledge.getByLabel("Title").fill("Blood pressure notes");
  await knowledge.getByLabel("Text").fill(NOTES);
  await knowledge.getByRole("button", { name: "Add text" }).click();
  await expect(knowledge.getByTestId("document").filter({ hasText: "Blood pressure notes" }).getByTestId("document-status")).toHaveText("Ready", { timeout: 60_000 });

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("publish-result")).toContainText("Version 1 is live");
  const publicPath = (await page.getByTestId("public-link").getAttribute("href"))!;

  // Edit the draft's persona: the preview talks to the draft, patients keep the published version.
  await page.getByRole("tab", { name: "Profile" }).click();
  const profile = page.getByRole("tabpanel", { name: "Profile" });
  await profile.getByLabel("Name shown to patients").fill("Dr. Ivy Chen-Li");
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dr. Ivy Chen-Li" })).toBeVisible();

  await page.getByRole("tab", { name: "Preview" }).click();
  const preview = page.getByRole("tabpanel", { name: "Preview" });
  const draftReply = await ask(preview, "How much salt can I eat with high blood pressure?");
  await expect(draftReply).toContainText("Dr. Ivy Chen-Li");

  const patient = await browser.newPage();
  await patient.goto(publicPath);
  await expect(patient.getByRole("heading", { level: 1, name: "Dr. Ivy Chen" })).toBeVisible();
  const publishedReply = await ask(patient, "How much salt can I eat with high blood pressure?");
  await expect(publishedReply).toHaveAttribute("data-kind", "answer");
  await expect(publishedReply).not.toContainText("Chen-Li");

  // The Versions tab shows what the draft changes since version 1.
  await page.getByRole("tab", { name: "Versions" }).click();
  const versions = page.getByRole("tabpanel", { name: "Versions" });
  await expect(versions.getByTestId("draft-changes")).toContainText("differs from version 1");
  await versions.getByRole("button", { name: "See unpublished changes" }).click();
  const diff = versions.getByTestId("version-diff");
  await expect(diff.getByTestId("diff-persona-field").filter({ hasText: "Name" })).toContainText("Dr. Ivy Chen-Li");
  await expectNoSeriousA11yViolations(page, "versions tab");

  await page.getByRole("button", { name: "Publish a new version" }).click();
  await expect(page.getByTestId("publish-result")).toContainText("Version 2 is live");
  const rows = versions.getByTestId("version-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Live for patients");
  await expect(rows.first()).toContainText("Profile: Name");

  // Roll back to version 1: a new version 3 with its content, and the draft restored.
  const v1 = versions.locator('[data-testid="version-row"][data-number="1"]');
  await v1.getByRole("button", { name: "Roll back to this version" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Roll back" }).click();
  await expect(v1.getByTestId("rollback-result")).toContainText("Version 3 is live, with the content of version 1");
  await expect(page.getByRole("heading", { level: 1, name: "Dr. Ivy Chen", exact: true })).toBeVisible();
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText("Rollback to version 1");

  // A patient's question the materials do not cover becomes a knowledge gap.
  const gapReply = await ask(patient, "Can I eat sourdough bread?");
  await expect(gapReply).toHaveAttribute("data-kind", "no_answer");

  await page.getByRole("tab", { name: "Conversations" }).click();
  const log = page.getByRole("tabpanel", { name: "Conversations" });
  await log.getByRole("button", { name: "Apply filters" }).click();
  const item = log.getByTestId("conversation-item").filter({ hasText: "How much salt" }).filter({ hasText: "Version 1" });
  await expect(item).toBeVisible();
  await expectNoSeriousA11yViolations(page, "conversations tab");
  await item.click();
  const transcript = log.getByTestId("transcript");
  await expect(transcript.getByTestId("answer-timings").first()).toContainText("Safety");
  await expect(transcript.getByTestId("answer-timings").first()).toContainText("First token");
  await expect(transcript).toContainText("Blood pressure notes");
  await expectNoSeriousA11yViolations(page, "conversation transcript");
  await log.getByRole("button", { name: "Back to the list" }).click();

  await page.getByRole("tab", { name: "Knowledge gaps" }).click();
  const gaps = page.getByRole("tabpanel", { name: "Knowledge gaps" });
  await gaps.getByLabel("Show").selectOption("no_answer");
  const gap = gaps.getByTestId("gap-item").filter({ hasText: "Can I eat sourdough bread?" });
  await expect(gap).toBeVisible();
  await expectNoSeriousA11yViolations(page, "knowledge gaps tab");
  await gap.getByRole("button", { name: "Answer" }).click();
  await gap.getByLabel("Your answer").fill(BREAD_ANSWER);
  await gap.getByLabel("Now, without re-publishing").check();
  await gap.getByRole("button", { name: "Save answer" }).click();
  await expect(gaps.getByTestId("gap-notice")).toContainText("Patients get this answer now");
  await expect(gaps.getByTestId("gap-item").filter({ hasText: "Can I eat sourdough bread?" })).toHaveCount(0);

  // The patient asks again and gets the doctor's answer, without a new publish.
  const curated = await ask(patient, "Can I eat sourdough bread?");
  await expect(curated).toHaveAttribute("data-kind", "answer");
  await expect(curated).toContainText(BREAD_ANSWER);
  await patient.close();
});
