import { expect, type Locator, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { DEMO_DOCTOR, signIn } from "./fixtures";

const AVATAR_NAME = "林文医生 Dr. Lin Wen";
/**
 * The starter library's poorly controlled asthma (English): the offline avatar answers the opener
 * without asking about night symptoms, the preventer or triggers, so teaching it to ask shows.
 * (The crisis cases now escalate on the built-in red-flag screen or the crisis classifier.)
 */
const CASE_NAME = "Daniel Okafor";

/** The score a finished run shows, as a number. */
async function scoreOf(detail: Locator): Promise<number> {
  const score = detail.getByTestId("run-score");
  await expect(score).toBeVisible({ timeout: 90_000 });
  return Number((await score.innerText()).match(/([\d.]+)\s*\/\s*100/)![1]);
}

test("the doctor runs the avatar on a virtual patient, reads the scorecard, teaches it a turn and sees the re-run improve", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, DEMO_DOCTOR);
  await page.goto("/studio");
  await page.getByRole("link", { name: new RegExp(AVATAR_NAME) }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: AVATAR_NAME })).toBeVisible();
  await page.getByRole("tab", { name: "Simulation" }).click();
  const panel = page.getByTestId("simulation-panel");
  await expect(panel.getByRole("heading", { name: "Run the avatar on virtual patients" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "simulation tab");

  // Run one case: the run opens with a progress bar, then its annotated transcript and score.
  const caseSelect = panel.getByLabel("Case", { exact: true });
  const option = caseSelect.locator("option", { hasText: CASE_NAME });
  await caseSelect.selectOption(await option.getAttribute("value"));
  await panel.getByTestId("run-one").click();
  const detail = panel.getByTestId("run-detail");
  const before = await scoreOf(detail);
  await expect(detail.getByTestId("patient-turn").first()).toContainText("inhaler");
  await expect(detail.getByTestId("point-lost").first()).toBeVisible();

  // The scorecard lists the case with its score, and that it is not a crisis case.
  const row = panel.getByTestId("scorecard-row").filter({ hasText: CASE_NAME });
  await expect(row).toContainText(String(before));
  await expect(row).toContainText("Not a crisis case");
  await expectNoSeriousA11yViolations(page, "simulation run and scorecard");

  // Teach the first avatar turn: what it should have asked.
  await detail.getByTestId("avatar-turn").first().getByTestId("correct-turn").click();
  const dialog = page.getByRole("dialog", { name: "Teach the avatar" });
  await expect(dialog).toBeVisible();
  await expectNoSeriousA11yViolations(page, "teaching dialog");
  await dialog.getByLabel("What it should have said or asked").fill("Before anything else: how often does it wake you at night? Do you use a preventer as well as the reliever inhaler? Does smoke or a pet trigger it?");
  await dialog.getByRole("button", { name: "Save correction" }).click();
  await expect(dialog).toBeHidden();
  await expect(detail.getByText("Saved. Re-run the case to see the score move.")).toBeVisible();

  // Re-run: the case is now a regression test, and the score moves up.
  await detail.getByTestId("rerun").click();
  // The new run replaces the old one in the panel; it is finished when it shows the score before it.
  await expect(panel.getByTestId("run-previous-score")).toContainText(String(before), { timeout: 90_000 });
  const after = await scoreOf(panel.getByTestId("run-detail"));
  expect(after).toBeGreaterThan(before);
  // The patient told what was only revealed when asked.
  await expect(panel.getByTestId("run-detail").getByTestId("patient-turn").filter({ hasText: /flatmate|nights a week/ }).first()).toBeVisible();
  await expect(panel.getByTestId("scorecard-row").filter({ hasText: CASE_NAME })).toContainText(`${before} → ${after}`, { timeout: 15_000 });
});
