import { expect, type Locator, type Page } from "@playwright/test";

export const DEMO_DOCTOR = { email: "doctor@fenshen.demo", password: "fenshen-demo" };
/** Administrator of the demo hospital, the organization the demo doctor and avatar belong to. */
export const DEMO_ADMIN = { email: "admin@fenshen.demo", password: "fenshen-demo" };
export const DEMO_AVATAR_PATH = "/d/dr-lin-wen";
/** The demo hospital's reviewer, who approves publishing when the hospital requires it. */
export const DEMO_REVIEWER = { email: "reviewer@fenshen.demo", password: "fenshen-demo" };

/** Signs in through the login form (the browser's English locale gives the English UI). */
export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/studio/);
}

/** Sends one chat message with Enter and returns the reply once it has finished streaming. */
export async function ask(scope: Page | Locator, question: string): Promise<Locator> {
  const replies = scope.getByTestId("avatar-message");
  const before = await replies.count();
  const box = scope.getByLabel("Your question");
  await box.fill(question);
  await box.press("Enter");
  const reply = replies.nth(before);
  // data-kind is set by the stream's final "done" part.
  await expect(reply).toHaveAttribute("data-kind", /^(crisis|answer|no_answer)$/, { timeout: 30_000 });
  return reply;
}
