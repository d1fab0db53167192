import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { ask } from "./fixtures";

const SLEEP_NOTES = `# Sleep habits

## A regular wake-up time
Getting up at the same time every day is the most important habit for better sleep.

## Screens before bed
Phone and tablet screens in the hour before bed keep many people awake; read a paper book instead.`;

const NO_ANSWER = "Dr. Osei has not written about this yet. Please ask at your next clinic visit.";

test("a doctor writes a consultation protocol, publishes, and a patient is taken through it to a summary", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Dr. Kofi Osei");
  await page.getByLabel("Email").fill(`dr.osei.${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("clinic-room-2024");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/studio$/);

  // The persona, with the doctor's own words for questions the materials do not answer (materials only).
  await page.getByLabel("Name shown to patients").fill("Dr. Kofi Osei");
  await page.getByLabel("Specialty").fill("Sleep medicine");
  await page.getByLabel("Main language").selectOption("en");
  await page.getByLabel("Region").selectOption("UK");
  await page.getByLabel("Reply when the materials have no answer").fill(NO_ANSWER);
  await page.getByRole("button", { name: "Create avatar" }).click();
  await expect(page).toHaveURL(/\/studio\/avatars\/[^/]+$/);

  const knowledge = page.getByRole("tabpanel", { name: "Knowledge" });
  await knowledge.getByLabel("Title").fill("Sleep habits");
  await knowledge.getByLabel("Text").fill(SLEEP_NOTES);
  await knowledge.getByRole("button", { name: "Add text" }).click();
  await expect(knowledge.getByTestId("document").getByTestId("document-status")).toHaveText("Ready", { timeout: 60_000 });

  await page.getByRole("tab", { name: "Protocols" }).click();
  const protocols = page.getByRole("tabpanel", { name: "Protocols" });
  await expect(protocols.getByText("No protocols yet")).toBeVisible();
  await protocols.getByRole("button", { name: "Add protocol" }).click();
  await protocols.getByLabel("Title").fill("Sleep trouble");
  await protocols.getByLabel("Chief complaint").fill("sleep");
  await protocols.getByLabel("Trigger phrases (English)").fill("can't sleep\ninsomnia");
  await protocols.getByLabel("Trigger phrases (Chinese)").fill("失眠");

  const questions = protocols.getByTestId("protocol-question");
  const first = questions.nth(0);
  await first.getByLabel("Question text").fill("How many nights a week do you sleep badly?");
  await first.getByLabel("Answer type").selectOption("number");
  await first.getByLabel("Unit", { exact: true }).fill("nights");
  await first.getByLabel("Other spellings of the unit").fill("night, nights, 晚");
  await first.getByLabel("Minimum").fill("0");
  await first.getByLabel("Maximum").fill("7");

  await protocols.getByRole("button", { name: "Add question" }).click();
  const second = questions.nth(1);
  // Adding a question puts the keyboard in its text box.
  await expect(second.getByLabel("Question text")).toBeFocused();
  await page.keyboard.type("Do you snore loudly?");
  await second.getByLabel("Answer type").selectOption("choice");
  await second.getByLabel("Option 1", { exact: true }).fill("Yes");
  await second.getByLabel("Other words for option 1").fill("yes, 是, 有");
  await second.getByLabel("Option 2", { exact: true }).fill("No");
  await second.getByLabel("Other words for option 2").fill("no, 否, 没有");
  await second.getByRole("button", { name: "Add red flag" }).click();
  const flag = second.getByTestId("red-flag");
  await flag.getByLabel("Option", { exact: true }).selectOption("Yes");
  await flag.getByLabel("Then").selectOption("urge_care");
  await flag.getByLabel("Urgency").selectOption("today");
  await flag.getByLabel("What the patient is told").fill("Loud snoring can mean sleep apnoea.");

  await protocols.getByRole("button", { name: "Add question" }).click();
  await questions.nth(2).getByLabel("Question text").fill("What do you do in the hour before bed?");
  // Reordering by keyboard-reachable buttons: move the last question up and back down.
  await protocols.getByRole("button", { name: "Move question 3 up" }).click();
  await expect(questions.nth(1).getByLabel("Question text")).toHaveValue("What do you do in the hour before bed?");
  await protocols.getByRole("button", { name: "Move question 2 down" }).click();
  await expect(questions.nth(2).getByLabel("Question text")).toHaveValue("What do you do in the hour before bed?");

  await protocols.getByLabel("Closing advice", { exact: true }).fill("Keep the same wake-up time every day.");
  await expectNoSeriousA11yViolations(page, "protocol editor");
  await protocols.getByRole("button", { name: "Save protocol" }).click();
  await expect(protocols.getByText("Protocol saved.")).toBeVisible();
  await expect(protocols.getByTestId("protocol")).toContainText("Sleep trouble");
  await expect(protocols.getByTestId("protocol")).toContainText("3 questions");
  await expectNoSeriousA11yViolations(page, "protocols tab");

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("publish-result")).toContainText("Version 1 is live");
  const publicPath = await page.getByTestId("public-link").getAttribute("href");

  // The patient: trigger → questions one at a time → "I don't know" → summary with the doctor's advice.
  await page.goto(publicPath!);
  const opened = await ask(page, "I can't sleep well lately");
  await expect(opened).toContainText("How many nights a week do you sleep badly?");
  const second2 = await ask(page, "I don't know");
  await expect(second2).toContainText("Do you snore loudly?");
  await expect(second2).toContainText("Yes / No");
  const third = await ask(page, "No, my partner says I am quiet");
  await expect(third).toContainText("What do you do in the hour before bed?");
  const summary = await ask(page, "I scroll on my phone in bed");
  await expect(summary).toContainText("Here is what I heard");
  await expect(summary).toContainText("not sure");
  await expect(summary).toContainText("Keep the same wake-up time every day.");
  await expect(summary.getByTestId("urgency")).toHaveAttribute("data-level", "days");
  await expect(summary.getByTestId("urgency")).toContainText("See a doctor within a few days");
  await expect(summary.getByTestId("sources")).toContainText("Sleep habits");

  // Materials only: a question beyond the materials gets the doctor's own refusal.
  const refusal = await ask(page, "Which vaccines does my puppy need?");
  await expect(refusal).toHaveAttribute("data-kind", "no_answer");
  await expect(refusal).toContainText(NO_ANSWER);
});
