import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { ask, DEMO_AVATAR_PATH, DEMO_DOCTOR, signIn } from "./fixtures";

const ENGLISH_CRISIS = "I want to kill myself";
const CHINESE_CRISIS = "我不想活了";
const CALLBACK_PHONE = "+86 138 0000 0000";

async function expectCrisisReply(page: Page, reply: Locator) {
  await expect(reply).toHaveAttribute("data-kind", "crisis");
  const panel = page.getByTestId("crisis-panel").last();
  await expect(panel).toBeVisible();
  await expect(panel).toHaveAttribute("role", "alert");
  // The demo avatar's region is CN: the emergency line and the mental-health line must be one tap away.
  for (const number of ["120", "12356"]) {
    const link = panel.locator(`a[href="tel:${number}"]`);
    await expect(link).toBeVisible();
    await expect(link).toContainText(number);
  }
  await expect(reply.getByTestId("sources")).toHaveCount(0);
  await expect(reply.getByTestId("citation-marker")).toHaveCount(0);
}

test.describe.serial("crisis messages reach a person", () => {
  test("an English crisis message gets emergency numbers, not an answer", async ({ page }) => {
    await page.goto(DEMO_AVATAR_PATH);
    await expectCrisisReply(page, await ask(page, ENGLISH_CRISIS));
    await expectNoSeriousA11yViolations(page, "patient page with a crisis reply");

    const panel = page.getByTestId("crisis-panel");
    await panel.getByLabel("Would you like a call back?").fill(CALLBACK_PHONE);
    await panel.getByRole("button", { name: "Call me back" }).click();
    await expect(panel.getByTestId("callback-done")).toContainText("has your number");
  });

  test("a Chinese crisis message gets emergency numbers, not an answer", async ({ page }) => {
    await page.goto(DEMO_AVATAR_PATH);
    await expectCrisisReply(page, await ask(page, CHINESE_CRISIS));
  });

  test("the doctor acknowledges and resolves the escalations in the inbox", async ({ page }) => {
    await signIn(page, DEMO_DOCTOR);
    await page.getByRole("navigation").getByRole("link", { name: "Crisis inbox" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Crisis inbox" })).toBeVisible();

    // Pin each card by its id: resolving moves a card to another section of the list.
    const pin = async (text: string) => {
      const card = page.getByTestId("escalation").filter({ hasText: text }).first();
      await expect(card).toBeVisible();
      return page.locator(`[aria-labelledby="${await card.getAttribute("aria-labelledby")}"]`);
    };
    const english = await pin(ENGLISH_CRISIS);
    const chinese = await pin(CHINESE_CRISIS);
    await expect(english).toHaveAttribute("data-status", "open");
    await expect(english.getByTestId("escalation-waited")).toContainText("Waiting");
    await expect(english.getByTestId("escalation-callback")).toContainText(CALLBACK_PHONE);
    await expectNoSeriousA11yViolations(page, "crisis inbox");

    await english.getByRole("button", { name: "Acknowledge" }).click();
    await expect(english).toHaveAttribute("data-status", "acknowledged");

    // The note is required: an empty submit is refused by the form.
    await english.getByRole("button", { name: "Resolve" }).click();
    await expect(english).toHaveAttribute("data-status", "acknowledged");
    await english.getByLabel("Resolution note").fill("Called the patient back; they are safe with family tonight.");
    await english.getByRole("button", { name: "Resolve" }).click();
    await expect(english).toHaveAttribute("data-status", "resolved");
    await expect(english).toContainText("they are safe with family tonight");
    await expect(page.getByRole("heading", { name: "Resolved" })).toBeVisible();

    await chinese.getByRole("button", { name: "Acknowledge" }).click();
    await expect(chinese).toHaveAttribute("data-status", "acknowledged");
    await expectNoSeriousA11yViolations(page, "crisis inbox after handling");
  });
});
