import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { ask, DEMO_ADMIN, DEMO_AVATAR_PATH, signIn } from "./fixtures";

test("an admin manages the hospital's shared knowledge and the demo avatar answers from it", async ({ page, browser }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/studio/settings/knowledge");
  await expect(page.getByRole("heading", { level: 1, name: "Shared knowledge" })).toBeVisible();
  // The seeded clinic schedule is in the hospital's corpus.
  const schedule = page.getByTestId("document").filter({ hasText: "Clinic hours and appointments" });
  await expect(schedule).toHaveAttribute("data-status", "ready");
  await expectNoSeriousA11yViolations(page, "shared knowledge settings");

  // A department's corpus takes pasted text through the same pipeline.
  const corpus = page.getByLabel("Corpus");
  const department = await corpus.locator("option", { hasText: "Department" }).first().getAttribute("value");
  await corpus.selectOption(department!);
  await page.getByLabel("Title").fill("Ward visiting hours");
  await page.getByLabel("Text", { exact: true }).fill("# Visiting hours\n\nThe ward welcomes visitors every day from 15:00 to 20:00.");
  await page.getByRole("button", { name: "Add text" }).click();
  await expect(page.getByTestId("document").filter({ hasText: "Ward visiting hours" })).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  await expectNoSeriousA11yViolations(page, "shared knowledge of a department");

  // A patient of the demo avatar gets the booking link from the hospital's schedule, cited.
  const patient = await (await browser.newContext({ locale: "en-US" })).newPage();
  await patient.goto(DEMO_AVATAR_PATH);
  const reply = await ask(patient, "How do I book an appointment?");
  await expect(reply).toHaveAttribute("data-kind", "answer");
  await expect(reply).toContainText("book.fenshen.demo");
  const source = reply.getByTestId("source").filter({ hasText: "Clinic hours and appointments" }).first();
  await expect(source).toBeVisible();
  // Cited as the hospital's, not the doctor's own.
  await expect(source.getByTestId("source-owner")).toContainText("(hospital)");
});
