import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { ask, DEMO_ADMIN, DEMO_AVATAR_PATH, DEMO_DOCTOR, DEMO_REVIEWER, signIn } from "./fixtures";

async function asUser(browser: Browser, account: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, account);
  return page;
}

async function setApprovalRequired(page: Page, required: boolean) {
  await page.goto("/studio/settings");
  const toggle = page.getByRole("switch", { name: "Require a reviewer's approval to publish" });
  if ((await toggle.getAttribute("aria-checked")) !== String(required)) await toggle.click();
  await page.getByRole("button", { name: "Save governance settings" }).click();
  await expect(page.getByText("Governance settings saved.")).toBeVisible();
}

test.afterAll(async ({ browser }) => {
  // Other specs publish directly: leave the demo hospital as it was.
  const admin = await asUser(browser, DEMO_ADMIN);
  await setApprovalRequired(admin, false);
});

test("publishing goes through a reviewer, and every step lands in the audit log", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await asUser(browser, DEMO_ADMIN);
  await setApprovalRequired(admin, true);
  await expectNoSeriousA11yViolations(admin, "settings with governance and on-call");

  // The doctor can no longer publish directly: they ask for a review.
  const doctor = await asUser(browser, DEMO_DOCTOR);
  await doctor.getByRole("link", { name: /Dr\. Lin Wen|林文/ }).first().click();
  const review = doctor.getByTestId("request-review");
  await expect(review).toBeVisible();
  await expect(doctor.getByRole("button", { name: /^Publish/ })).toHaveCount(0);
  await review.getByLabel("Note for the reviewer (optional)").fill("Updated the salt advice; please check.");
  await review.getByRole("button", { name: "Request review" }).click();
  await expect(review.getByText(/A review was requested/)).toBeVisible();

  // A reviewer approves it with a comment; rejecting without one is refused.
  const reviewer = await asUser(browser, DEMO_REVIEWER);
  await reviewer.getByRole("link", { name: "Reviews" }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name: "Publish reviews" })).toBeVisible();
  await expect(reviewer.getByText("Updated the salt advice; please check.")).toBeVisible();
  await expectNoSeriousA11yViolations(reviewer, "publish reviews");
  await reviewer.getByRole("button", { name: "Reject" }).click();
  await expect(reviewer.getByText("Say why the request is rejected, so the doctor can fix it.")).toBeVisible();
  await reviewer.getByLabel("Review comment").fill("Checked against the 2024 guideline.");
  await reviewer.getByRole("button", { name: "Approve and publish" }).click();
  await expect(reviewer.getByRole("heading", { name: "Decided" })).toBeVisible();
  await expect(reviewer.getByText("Checked against the 2024 guideline.")).toBeVisible();

  // The admin finds the decision in the audit log and downloads it.
  await admin.goto("/studio/audit");
  await admin.getByLabel("Action starts with").fill("governance.");
  await admin.getByRole("button", { name: "Apply" }).click();
  await expect(admin.getByRole("cell", { name: "governance.decide" })).toBeVisible();
  await expect(admin.getByRole("cell", { name: "governance.requestPublish" })).toBeVisible();
  await expectNoSeriousA11yViolations(admin, "audit log");
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("link", { name: "Download CSV" }).click()]);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(csv).toContain("time,actor,actor_id,action,target_type,target_id,details");
  expect(csv).toContain("governance.decide");
});

test("the on-call member shows in the inbox, and analytics count a patient's conversation", async ({ browser, page }) => {
  test.setTimeout(120_000);
  await page.goto(DEMO_AVATAR_PATH);
  await ask(page, "How much salt should I eat per day?");

  const admin = await asUser(browser, DEMO_ADMIN);
  await admin.goto("/studio/settings");
  const schedule = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Add shift" }) });
  await schedule.getByLabel("Member").selectOption({ index: 1 });
  await schedule.getByRole("button", { name: "Add shift" }).click();
  await expect(admin.getByText("Shift added.")).toBeVisible();
  await admin.goto("/studio/inbox");
  await expect(admin.getByTestId("on-call-now").getByRole("listitem")).not.toHaveCount(0);

  await admin.getByRole("link", { name: "Analytics" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Analytics" })).toBeVisible();
  const conversations = admin.locator("dt", { hasText: /^Conversations$/ }).locator("xpath=following-sibling::dd");
  await expect(conversations).not.toHaveText("0");
  await expect(admin.getByTestId("top-questions")).toContainText("how much salt should i eat per day");
  await admin.getByText("Show the numbers").first().click();
  await expectNoSeriousA11yViolations(admin, "analytics");
});
