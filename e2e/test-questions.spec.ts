import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { DEMO_DOCTOR, signIn } from "./fixtures";

const AVATAR_NAME = "林文医生 Dr. Lin Wen";

test("the doctor adds a test question, runs it and sees what it found, on a desktop and a phone", async ({ page }) => {
  await signIn(page, DEMO_DOCTOR);
  await page.goto("/studio");
  await page.getByRole("link", { name: new RegExp(AVATAR_NAME) }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: AVATAR_NAME })).toBeVisible();
  const panel = page.getByTestId("test-questions");
  await expect(panel.getByText("No test questions yet")).toBeVisible();

  await panel.getByLabel("Question, as a patient would ask it").fill("How much salt can I eat a day?");
  await panel.getByLabel("Document that should answer it").selectOption({ label: "Living with high blood pressure" });
  await panel.getByRole("button", { name: "Add question", exact: true }).click();
  const question = panel.getByTestId("test-question").filter({ hasText: "How much salt can I eat a day?" });
  await expect(question).toHaveAttribute("data-passed", "unknown");

  await panel.getByRole("button", { name: "Run test questions" }).click();
  await expect(question).toHaveAttribute("data-passed", "true");
  await expect(panel.getByTestId("test-questions-recall")).toContainText("Recall 1 of 1 (100%)");
  await question.getByText("What it found").click();
  const expected = question.locator('[data-testid="test-question-hit"][data-expected="true"]');
  await expect(expected).toContainText("Living with high blood pressure");
  await expect(expected).toContainText("Should answer");
  await expectNoSeriousA11yViolations(page, "test questions");

  // On a phone the panel fits the screen (no sideways scrolling) and stays accessible.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(question).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await expectNoSeriousA11yViolations(page, "test questions on a phone");
});
