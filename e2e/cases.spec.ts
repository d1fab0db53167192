import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { DEMO_DOCTOR, signIn } from "./fixtures";

const AVATAR_NAME = "林文医生 Dr. Lin Wen";

async function openWorkspaceTab(page: Page) {
  await page.goto("/studio");
  await page.getByRole("link", { name: new RegExp(AVATAR_NAME) }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: AVATAR_NAME })).toBeVisible();
  await page.getByRole("tab", { name: "Virtual patients" }).click();
  return page.getByRole("tabpanel", { name: "Virtual patients" });
}

/** Asks the virtual patient one question and returns the patient's answer once it has arrived. */
async function askPatient(page: Page, question: string) {
  const turns = page.getByTestId("consult-turn");
  const before = await turns.count();
  const box = page.getByLabel("Your question to the patient");
  await box.fill(question);
  await box.press("Enter");
  await expect(turns).toHaveCount(before + 2);
  const answer = turns.nth(before + 1);
  await expect(answer).toHaveAttribute("data-role", "patient");
  return answer;
}

test("a doctor designs a virtual patient, consults it and saves the consultation as a demonstration", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO_DOCTOR);

  // The library: reachable from the avatar workspace, seeded with the starter cases.
  const tab = await openWorkspaceTab(page);
  await tab.getByRole("link", { name: "Open the case library" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Virtual patients" })).toBeVisible();
  const items = page.getByTestId("case-item");
  await expect(items.first()).toBeVisible();
  expect(await items.count()).toBeGreaterThanOrEqual(12);
  await expectNoSeriousA11yViolations(page, "case library");

  const main = page.locator("#main");
  await main.getByLabel("Language", { exact: true }).selectOption("zh-CN");
  await main.getByLabel("Crisis", { exact: true }).selectOption("yes");
  await expect(items.filter({ hasText: "王建国" })).toHaveCount(1);
  await expect(items.filter({ hasText: "Robert Miller" })).toHaveCount(0);
  // Pressing "Add starter cases" again adds nothing.
  await page.getByRole("button", { name: "Add starter cases" }).click();
  await expect(page.getByText("Your library already has every starter case.")).toBeVisible();

  // The designer: an empty case is refused with an error on each field.
  await page.getByRole("link", { name: "New case" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New virtual patient" })).toBeVisible();
  await page.getByRole("button", { name: "Save case" }).click();
  const summary = page.getByTestId("case-form-errors");
  await expect(summary).toContainText("Name: Required.");
  await expect(summary).toContainText("Age: Enter a number.");
  await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousA11yViolations(page, "case designer with errors");

  await page.getByLabel("Name", { exact: true }).fill("Grace Park");
  await page.getByLabel("Age", { exact: true }).fill("45");
  await page.getByLabel("Language the patient speaks").selectOption("en");
  await page.getByLabel("Specialty", { exact: true }).fill("Rheumatology");
  await page.getByLabel("Personality and communication style").selectOption("anxious");
  await page.getByLabel("Chief complaint").fill("Painful swollen knee");
  await page.getByLabel("Opening line (what the patient says first)").fill("My knee is killing me, doctor.");

  const fact = (n: number) => page.getByRole("group", { name: `Fact ${n}` });
  await fact(1).getByLabel("What the patient says").fill("My right knee swelled up overnight and it's hot and red.");
  await fact(1).getByLabel("Keywords (comma-separated)").fill("knee, swollen, swelling, hot, red, 膝盖, 肿");
  await page.getByRole("button", { name: "Add fact" }).click();
  await fact(2).getByLabel("Topic").selectOption("medications");
  await fact(2).getByLabel("What the patient says").fill("I take water pills for my blood pressure.");
  await fact(2).getByLabel("Keywords (comma-separated)").fill("medication, medicine, pills, tablets, 药");
  await page.getByRole("button", { name: "Add fact" }).click();
  await fact(3).getByLabel("Topic").selectOption("associated_symptoms");
  await fact(3).getByLabel("What the patient says").fill("Yes, I've had a fever and chills since yesterday.");
  await fact(3).getByLabel("Keywords (comma-separated)").fill("fever, chills, temperature, 发烧");
  await page.getByRole("button", { name: "Add result" }).click();
  const result = page.getByRole("group", { name: "Result 1" });
  await result.getByLabel("Exam or test").fill("Knee aspirate");
  await result.getByLabel("Finding").fill("Turbid fluid, 60,000 white cells per microlitre, Gram-positive cocci.");
  await page.getByRole("button", { name: "Add red flag" }).click();
  await page.getByLabel("Red flag 1", { exact: true }).fill("Fever with a hot, swollen joint");
  await page.getByRole("button", { name: "Add question" }).click();
  await page.getByRole("group", { name: "Question 1" }).getByLabel("Question 1", { exact: true }).fill("Fever or chills");
  await page.getByRole("group", { name: "Question 1" }).getByLabel("Keywords (comma-separated)").fill("fever, chills, 发烧");
  await page.getByLabel("The consultation must escalate or urge care").check();
  await page.getByLabel("Urgency", { exact: true }).selectOption("today");
  await page.getByLabel("Expected advice").fill("A hot swollen joint with fever may be septic arthritis: be seen urgently today.");
  await page.getByRole("button", { name: "Save case" }).click();
  await expect(page.getByText("Case saved.")).toBeVisible();
  await expect(page).toHaveURL(/\/studio\/cases\/[^/]+$/);

  // The doctor consults the new case for the avatar.
  const panel = await openWorkspaceTab(page);
  await panel.getByLabel("Virtual patient", { exact: true }).selectOption({ label: "Grace Park — Painful swollen knee" });
  await panel.getByRole("button", { name: "Start consultation" }).click();
  await expect(page.getByTestId("consult-turn").first()).toHaveText(/My knee is killing me, doctor\./);
  await expectNoSeriousA11yViolations(page, "consult");

  await expect(await askPatient(page, "Is the knee swollen?")).toContainText("swelled up overnight");
  await expect(await askPatient(page, "What medication do you take?")).toContainText("water pills");
  await expect(await askPatient(page, "Any fever?")).toContainText("fever and chills");
  await panel.getByRole("button", { name: "Order Knee aspirate" }).click();
  await expect(page.getByTestId("consult-turn").last()).toHaveAttribute("data-role", "result");
  await expect(page.getByTestId("consult-turn").last()).toContainText("Turbid fluid");

  await panel.getByRole("button", { name: "End and save consultation" }).click();
  await expect(panel.getByText("Consultation saved as a demonstration.")).toBeVisible();
  const demo = panel.getByTestId("demonstration").filter({ hasText: "Grace Park" });
  await expect(demo).toContainText("3 questions");

  await demo.getByRole("switch", { name: "Example the avatar should follow" }).click();
  await expect(demo.getByText("Example", { exact: true })).toBeVisible();
  await demo.getByRole("button", { name: "Suggest a protocol" }).click();
  const suggested = demo.getByTestId("suggested-questions");
  await expect(suggested.getByRole("listitem")).toHaveText(["Is the knee swollen?", "What medication do you take?", "Any fever?"]);
  await demo.getByText("Transcript", { exact: true }).click();
  await expect(demo.getByTestId("consult-turn")).toHaveCount(9);
  await expectNoSeriousA11yViolations(page, "demonstrations");
});
