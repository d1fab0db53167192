import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { ask, DEMO_AVATAR_PATH } from "./fixtures";

test.describe("a check-in in the patient chat", () => {
  test("shows the resources and the screening question, and a yes to it escalates", async ({ page }) => {
    await page.goto(DEMO_AVATAR_PATH);
    // A hidden presentation of chest pain: the built-in red-flag screen asks its question.
    const reply = await ask(page, "I've had bad indigestion since dinner and the antacids aren't touching it.");
    const support = page.getByTestId("support-box").last();
    await expect(support).toBeVisible();
    await expect(support).toContainText("Please answer the question at the end of the reply");
    // The demo avatar's region is CN: the emergency line is one tap away.
    await expect(support.locator('a[href="tel:120"]')).toBeVisible();
    await expect(reply).toContainText("Is the pain still there now, and does it spread to your arm, jaw or back?");
    await expect(page.getByTestId("crisis-panel")).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, "patient chat with a check-in");

    const answer = await ask(page, "Yes, it goes into my left arm.");
    await expect(answer).toHaveAttribute("data-kind", "crisis");
    await expect(page.getByTestId("crisis-panel").last()).toBeVisible();
  });
});
