import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { ask } from "./fixtures";

const SLEEP_GUIDE = `# Sleep well: a guide from Dr. Amelia Hart

## How much sleep adults need
Most adults need seven to nine hours of sleep every night. Teenagers need eight to ten hours.

## Keeping a regular schedule
Go to bed and get up at the same time every day, including weekends. A regular wake-up time is the most
important habit for good sleep.

## When to see a doctor
If you snore loudly and feel sleepy during the day, ask your doctor about sleep apnoea.
`;

const CAFFEINE_NOTE = `# Caffeine and sleep

Caffeine stays in the body for many hours. Avoid coffee, strong tea and energy drinks after 2 p.m.
if you have trouble falling asleep.`;

test("a doctor signs up, builds an avatar from materials, previews it and publishes it", async ({ page }) => {
  test.setTimeout(180_000);
  const email = `dr.hart.${Date.now()}@example.com`;

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "landing");

  await page.getByRole("link", { name: "Build your avatar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create your account" })).toBeVisible();
  await page.getByLabel("Your name").fill("Dr. Amelia Hart");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("sleep-well-2024");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/studio$/);
  await expect(page.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();
  await expect(page.getByText("No avatars yet")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "studio");

  await page.getByLabel("Name shown to patients").fill("Dr. Amelia Hart");
  await page.getByLabel("Title", { exact: true }).fill("Consultant");
  await page.getByLabel("Specialty").fill("Sleep medicine");
  await page.getByLabel("Short biography").fill("Fifteen years helping people sleep better.");
  await page.getByLabel("Greeting").fill("Hello, I am Dr. Hart's AI avatar. Ask me about sleep.");
  await page.getByLabel("Main language").selectOption("en");
  await page.getByLabel("Region").selectOption("UK");
  await page.getByLabel("Disclaimer").fill("General information only; it does not replace a consultation.");
  await page.getByRole("button", { name: "Create avatar" }).click();

  await expect(page).toHaveURL(/\/studio\/avatars\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dr. Amelia Hart" })).toBeVisible();
  const knowledge = page.getByRole("tabpanel", { name: "Knowledge" });
  await expect(knowledge.getByText("No documents yet")).toBeVisible();

  await knowledge.getByLabel("Files").setInputFiles({ name: "sleep-guide.md", mimeType: "text/markdown", buffer: Buffer.from(SLEEP_GUIDE) });
  await knowledge.getByRole("button", { name: "Upload (1)" }).click();
  await expect(knowledge.getByTestId("upload-results")).toContainText("sleep-guide.md: added");

  await knowledge.getByLabel("Title").fill("Caffeine and sleep");
  await knowledge.getByLabel("Text").fill(CAFFEINE_NOTE);
  await knowledge.getByRole("button", { name: "Add text" }).click();
  await expect(knowledge.getByText("“Caffeine and sleep” was added")).toBeVisible();

  const documents = knowledge.getByTestId("document");
  await expect(documents).toHaveCount(2);
  // An uploaded file is titled after its name; pasted text keeps the title given.
  for (const title of ["sleep-guide", "Caffeine and sleep"]) {
    await expect(documents.filter({ hasText: title }).getByTestId("document-status")).toHaveText("Ready", { timeout: 60_000 });
  }

  const guide = documents.filter({ hasText: "sleep-guide" });
  await guide.getByRole("button", { name: /Passages/ }).click();
  await expect(guide.getByTestId("passage").first()).toBeVisible();
  await expect(guide.getByTestId("passages")).toContainText("seven to nine hours");
  await expectNoSeriousA11yViolations(page, "avatar workspace");

  await page.getByRole("tab", { name: "Preview" }).click();
  const preview = page.getByRole("tabpanel", { name: "Preview" });
  const reply = await ask(preview, "How many hours of sleep does an adult need?");
  await expect(reply).toHaveAttribute("data-kind", "answer");
  await expect(reply.getByTestId("citation-marker").first()).toBeVisible();
  await expect(reply.getByTestId("sources")).toContainText("sleep-guide");

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("publish-result")).toContainText("Version 1 is live");
  const publicPath = await page.getByTestId("public-link").getAttribute("href");
  expect(publicPath).toMatch(/^\/d\//);

  await page.goto(publicPath!);
  await expect(page.getByRole("heading", { level: 1, name: "Dr. Amelia Hart" })).toBeVisible();
  await expect(page.getByTestId("ai-notice")).toContainText("not a diagnosis");
  await expect(page.getByText("Sleep medicine")).toBeVisible();
});

test("the login page is accessible and reports wrong credentials", async ({ page }) => {
  await page.goto("/login");
  await expectNoSeriousA11yViolations(page, "login");
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("email or password is not right");
  await expect(page.getByLabel("Email")).toHaveValue("nobody@example.com");
});

test("the studio sends signed-out visitors to sign in and back", async ({ page }) => {
  await page.goto("/studio/inbox");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fstudio%2Finbox/);
});
