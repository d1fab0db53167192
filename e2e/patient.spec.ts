import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { ask, DEMO_AVATAR_PATH } from "./fixtures";

test.describe("patient consults the demo avatar", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(DEMO_AVATAR_PATH);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Dr. Lin Wen");
  });

  test("sees the AI notice and gets a cited answer in English @phone", async ({ page }, testInfo) => {
    await expect(page.getByTestId("ai-notice")).toContainText("AI avatar — not a doctor, not a diagnosis");
    await expect(page.getByTestId("greeting")).toBeVisible();
    await expectNoSeriousA11yViolations(page, "patient page");

    const reply = await ask(page, "How much salt should I eat per day?");
    await expect(reply).toHaveAttribute("data-kind", "answer");
    await expect(reply.getByTestId("citation-marker").first()).toBeVisible();
    const source = reply.getByTestId("source").first();
    await expect(source).toContainText("Living with high blood pressure");

    const passage = source.getByTestId("source-passage");
    await expect(passage).toBeHidden();
    await source.getByRole("button").click();
    await expect(passage).toBeVisible();
    await expect(passage).toContainText(/salt/i);

    await expectNoSeriousA11yViolations(page, "patient page with an answer");
    await testInfo.attach("patient-page", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  });

  test("a citation marker opens its source", async ({ page }) => {
    const reply = await ask(page, "How much salt should I eat per day?");
    await reply.getByTestId("citation-marker").first().click();
    await expect(reply.getByTestId("source-passage").first()).toBeVisible();
  });

  test("gets a cited answer to a Chinese question", async ({ page }) => {
    const reply = await ask(page, "吃盐要注意什么？");
    await expect(reply).toHaveAttribute("data-kind", "answer");
    await expect(reply).toContainText("每天不超过5克");
    const source = reply.getByTestId("source").filter({ hasText: "高血压的日常管理" });
    await expect(source).toBeVisible();
    await source.getByRole("button").click();
    await expect(source.getByTestId("source-passage")).toContainText("盐");
  });

  for (const question of ["每天吃多少盐合适？", "高血压患者每天应该吃多少盐？"]) {
    test(`gets a cited answer about salt to "${question}"`, async ({ page }) => {
      const reply = await ask(page, question);
      await expect(reply).toHaveAttribute("data-kind", "answer");
      await expect(reply).toContainText("每天不超过5克");
    });
  }

  test("a question outside the materials gets the nothing-found reply", async ({ page }) => {
    const reply = await ask(page, "How do I repair a puncture in a bicycle tyre?");
    await expect(reply).toHaveAttribute("data-kind", "no_answer");
    await expect(reply).toContainText("could not find anything about this");
    await expect(reply.getByTestId("sources")).toHaveCount(0);
  });

  test("keeps one conversation across turns", async ({ page }) => {
    const requests: unknown[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/api/chat")) requests.push(r.postDataJSON());
    });
    await ask(page, "How much salt should I eat per day?");
    await ask(page, "What is a normal blood pressure?");
    expect(requests).toHaveLength(2);
    const [first, second] = requests as { conversationId?: string; message: string; slug: string }[];
    expect(first).toEqual({ slug: "dr-lin-wen", message: "How much salt should I eat per day?" });
    expect(second?.conversationId).toEqual(expect.any(String));
    expect(second?.message).toBe("What is a normal blood pressure?");
  });
});

test("an unknown avatar address is a 404 page with one header", async ({ page }) => {
  const response = await page.goto("/d/no-such-doctor");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("banner")).toHaveCount(1);
});

test("the language switcher turns the interface to Chinese and back", async ({ page }) => {
  await page.goto("/");
  const languages = page.getByRole("group", { name: "Language" });
  await languages.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("随时向你的医生的AI分身提问");
  await expect(page.getByRole("group", { name: "语言" }).getByRole("button", { name: "中文" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("group", { name: "语言" }).getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
