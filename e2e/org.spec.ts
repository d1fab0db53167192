import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { DEMO_ADMIN, signIn } from "./fixtures";

const HOSPITAL = "Fenshen Demo Hospital";

test("an admin invites a member by link (no SMTP) and the invitee signs up through it and joins", async ({ page, browser }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/studio/settings/members");
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  await expect(page.getByTestId("member-row").filter({ hasText: "reviewer@fenshen.demo" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "members settings");

  const email = `invitee-${Date.now()}@example.test`;
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("reviewer");
  await page.getByRole("button", { name: "Send invitation" }).click();
  const linkBox = page.getByTestId("invite-link");
  await expect(linkBox).toBeVisible();
  await expect(page.getByText("No mail server is configured")).toBeVisible();
  const link = await linkBox.inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{40,}$/);
  await expect(page.getByRole("listitem").filter({ hasText: email })).toBeVisible();

  // The invitee: a fresh browser with no account.
  const invitee = await browser.newContext({ locale: "en-US" });
  const tab = await invitee.newPage();
  await tab.goto(link);
  await expect(tab.getByRole("heading", { level: 1, name: new RegExp(`Join .*${HOSPITAL}`) })).toBeVisible();
  await expect(tab.getByLabel("Email")).toHaveValue(email);
  await expectNoSeriousA11yViolations(tab, "invitation sign-up");
  await tab.getByLabel("Name").fill("Invited Reviewer 新成员");
  await tab.getByLabel("Password").fill("invitee-password");
  await tab.getByRole("button", { name: "Create account and join" }).click();
  await expect(tab).toHaveURL(/\/studio/);
  await expect(tab.getByTestId("current-org")).toContainText(HOSPITAL);

  // The link worked once.
  await tab.goto(link);
  await expect(tab.getByText("This invitation has already been used")).toBeVisible();
  await invitee.close();

  // The admin now sees the new member and can remove them.
  await page.reload();
  const row = page.getByTestId("member-row").filter({ hasText: email });
  await expect(row.getByLabel(/^Role of/)).toHaveValue("reviewer");
  await row.getByRole("button", { name: /^Remove/ }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText(/was removed/)).toBeVisible();
  await expect(page.getByTestId("member-row").filter({ hasText: email })).toHaveCount(0);
});

test("the last admin cannot be demoted, with a clear error", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/studio/settings/members");
  const self = page.getByTestId("member-row").filter({ hasText: DEMO_ADMIN.email });
  await self.getByLabel(/^Role of/).selectOption("doctor");
  await expect(page.getByRole("alert").filter({ hasText: "last admin" })).toBeVisible();
  await expect(self.getByLabel(/^Role of/)).toHaveValue("admin");
});

test("departments and brand: the public organization page shows the new colour @phone", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/studio/settings/departments");
  await expect(page.getByRole("heading", { level: 1, name: "Departments" })).toBeVisible();
  await expect(page.getByRole("form", { name: /Edit 心内科/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "departments settings");

  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Brand" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Brand" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "brand settings");
  const colour = page.getByRole("textbox", { name: "Brand colour", exact: true });
  await colour.fill("#fde68a");
  await expect(page.getByText(/Too light: white text on #fde68a/)).toBeVisible();
  await page.getByRole("button", { name: "Save brand" }).click();
  await expect(colour).toBeFocused();
  await colour.fill("#7c2d12");
  await page.getByRole("button", { name: "Save brand" }).click();
  await expect(page.getByText("Brand saved.")).toBeVisible();

  await page.goto("/h/demo-hospital");
  const banner = page.getByTestId("org-brand");
  await expect(banner).toHaveAttribute("data-brand-color", "#7c2d12");
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(HOSPITAL) })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /心理科/ })).toBeVisible();
  await expect(page.getByTestId("avatar-card").filter({ hasText: "Dr. Chen Jing" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "organization public page");

  // The hospital's avatars carry its brand too.
  await page.getByTestId("avatar-card").filter({ hasText: "Dr. Chen Jing" }).click();
  await expect(page.getByTestId("org-brand")).toHaveAttribute("data-brand-color", "#7c2d12");
});
