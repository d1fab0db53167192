import http from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, expect, type Locator, type Page, test, type TestInfo } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { verifyWebhook } from "../server/safety/notify/signature";
import { expectNoSeriousA11yViolations } from "./axe";
import { ask, DEMO_ADMIN, DEMO_AVATAR_PATH, DEMO_DOCTOR, signIn } from "./fixtures";

const ENGLISH_CRISIS = "I want to end my life tonight";
const CHINESE_CRISIS = "我真的不想活了";
const CALLBACK_PHONE = "+86 138 0000 0000";
const HOSPITAL_LINE = { label: "Demo Hospital psychiatric on-call", number: "+86 10 8888 6666", tel: "tel:+861088886666" };

interface Delivery {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** The hospital's side: a real HTTP endpoint on 127.0.0.1 that records every POST it receives. */
async function startWebhookReceiver() {
  const deliveries: Delivery[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      deliveries.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/fenshen`,
    deliveries,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function openCrisisSettings(page: Page): Promise<Locator> {
  await page.getByRole("navigation").getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  return page.getByRole("form", { name: "Crisis routing" });
}

async function expectCrisisReply(page: Page, reply: Locator) {
  await expect(reply).toHaveAttribute("data-kind", "crisis");
  const panel = page.getByTestId("crisis-panel").last();
  await expect(panel).toBeVisible();
  await expect(panel).toHaveAttribute("role", "alert");
  // The demo avatar's region is CN: the emergency line and the mental-health line must be one tap away,
  // followed by the line the hospital added itself.
  for (const number of ["120", "12356"]) {
    const link = panel.locator(`a[href="tel:${number}"]`);
    await expect(link).toBeVisible();
    await expect(link).toContainText(number);
  }
  const hospitalLine = panel.locator(`a[href="${HOSPITAL_LINE.tel}"]`);
  await expect(hospitalLine).toBeVisible();
  await expect(hospitalLine).toContainText(HOSPITAL_LINE.label);
  await expect(hospitalLine).toContainText(HOSPITAL_LINE.number);
  await expect(reply.getByTestId("sources")).toHaveCount(0);
  await expect(reply.getByTestId("citation-marker")).toHaveCount(0);
}

/** Puts the demo hospital's routing back as it was (no webhook, no own lines) for whatever runs next. */
async function restoreCrisisRouting(browser: Browser, testInfo: TestInfo, responseTarget: string) {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  try {
    const page = await context.newPage();
    await signIn(page, DEMO_ADMIN);
    const form = await openCrisisSettings(page);
    await form.getByLabel("Webhook URL").fill("");
    await form.getByLabel("Include the patient's message in alerts").uncheck();
    await form.getByLabel("Response-time target (minutes)").fill(responseTarget);
    const remove = form.getByRole("button", { name: /^Remove line/ });
    for (let n = await remove.count(); n > 0; n--) {
      await remove.first().click();
      await expect(remove).toHaveCount(n - 1);
    }
    await form.getByRole("button", { name: "Save crisis routing" }).click();
    await expect(form.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  } finally {
    await context.close();
  }
}

test.describe.serial("a crisis reaches a person, in English and in Chinese", () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let secret = "";
  let startedAt = 0;
  let seededResponseTarget = "15";

  /** Deliveries of this run's escalations for one patient message (an earlier attempt's may arrive too). */
  const deliveriesOf = (message: string) =>
    receiver.deliveries.filter((d) => {
      const body = JSON.parse(d.body) as { message: string; createdAt: string };
      return body.message === message && Date.parse(body.createdAt) >= startedAt;
    });

  test.beforeAll(async () => {
    receiver = await startWebhookReceiver();
    startedAt = Date.now();
  });

  test.afterAll(async ({ browser }, testInfo) => {
    await restoreCrisisRouting(browser, testInfo, seededResponseTarget);
    await receiver.close();
  });

  test("an administrator routes crises to the hospital's webhook and adds its own line", async ({ page, context }, testInfo) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signIn(page, DEMO_ADMIN);
    const form = await openCrisisSettings(page);
    const url = form.getByLabel("Webhook URL");
    const secretBox = form.getByLabel("Webhook signing secret");
    const save = form.getByRole("button", { name: "Save crisis routing" });
    seededResponseTarget = await form.getByLabel("Response-time target (minutes)").inputValue();

    // The server refuses bad values; its errors are shown in the UI's words, on their fields and together.
    await url.fill("not a web address");
    await secretBox.fill("too-short");
    await save.click();
    const errors = form.getByRole("alert");
    await expect(errors).toContainText("Webhook URL: Enter a full web address");
    await expect(errors).toContainText("Webhook signing secret: Use a secret of 16 to 200 characters");
    await expect(url).toHaveAttribute("aria-invalid", "true");
    await expect(url).toHaveAccessibleDescription(/Enter a full web address/);
    await expect(url).toBeFocused();
    await expectNoSeriousA11yViolations(page, "settings with errors");

    // A target inside the network (here the cloud metadata service) is refused, saying why.
    await url.fill("https://169.254.169.254/latest/meta-data/");
    await save.click();
    await expect(errors).toContainText("Webhook URL: This is a link-local address, where cloud metadata services live");
    await expect(url).toHaveAccessibleDescription(/link-local address/);

    await url.fill(receiver.url);
    await expect(url, "a corrected field is no longer marked").not.toHaveAttribute("aria-invalid");
    await expect(errors).not.toContainText("Webhook URL");
    await secretBox.fill("");
    await expect(form.getByRole("alert"), "nothing is left to correct").toHaveCount(0);
    await form.getByRole("button", { name: "Generate a secret" }).click();
    await expect(secretBox).toHaveValue(/^whsec_[A-Za-z0-9+/]{43}=$/);
    secret = await secretBox.inputValue();
    const generated = form.getByTestId("generated-secret");
    await expect(generated).toContainText("never shown again");
    const copy = generated.getByRole("button", { name: "Copy secret" });
    await expect(copy).toBeFocused();
    await copy.click();
    await expect(generated.getByRole("status")).toHaveText("Copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    await form.getByRole("button", { name: "Add a line" }).click();
    const line = form.getByRole("group", { name: "Line 1", exact: true });
    await expect(line.getByLabel("Name shown to patients")).toBeFocused();
    await line.getByLabel("Name shown to patients").fill(HOSPITAL_LINE.label);
    await line.getByLabel("Phone number").fill(HOSPITAL_LINE.number);
    await form.getByLabel("Response-time target (minutes)").fill("10");
    // The deliveries below are told apart by the patient's words, which alerts carry only when turned on.
    await form.getByLabel("Include the patient's message in alerts").check();
    await testInfo.attach("settings-filled", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
    await save.click();

    await expect(form.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await expect(form.getByRole("alert")).toHaveCount(0);
    // The secret is write-only: once saved it leaves the page, and only its existence is shown.
    await expect(secretBox).toHaveValue("");
    await expect(generated).toHaveCount(0);
    await expect(secretBox).toHaveAccessibleDescription(/A secret is set/);
    await expectNoSeriousA11yViolations(page, "settings");

    // A test alert goes to the saved webhook at once, signed, and the page says how it was answered.
    await form.getByRole("button", { name: "Send a test alert" }).click();
    await expect(form.getByTestId("test-alert-result")).toHaveText("Delivered: Your webhook accepted the test alert. Check that it arrived.");
    const test = receiver.deliveries.find((d) => String(d.headers["webhook-id"]).startsWith("test_"));
    expect(new Webhook(secret).verify(test!.body, test!.headers as Record<string, string>)).toMatchObject({ event: "escalation.test", message: null });

    // With a notification e-mail saved, the test goes there too, and each destination's answer is shown:
    // this server has no mail server (no SMTP_URL), which the page says instead of a delivery.
    const email = form.getByLabel("Notification e-mail");
    await email.fill("oncall@hospital.test");
    await save.click();
    await expect(form.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await form.getByRole("button", { name: "Send a test alert" }).click();
    await expect(form.getByTestId("test-alert-result")).toHaveText([
      "Delivered: Your webhook accepted the test alert. Check that it arrived.",
      /^The test alert was not delivered\s*No e-mail was sent: this server has no mail server configured \(SMTP_URL\)/,
    ]);
    await email.fill("");
    await save.click();
    await expect(form.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

    await page.reload();
    await expect(url).toHaveValue(receiver.url);
    await expect(secretBox).toHaveValue("");
    await expect(secretBox).toHaveAccessibleDescription(/A secret is set/);
    await expect(form.getByLabel("Response-time target (minutes)")).toHaveValue("10");
    await expect(form.getByLabel("Include the patient's message in alerts")).toBeChecked();
    await expect(line.getByLabel("Name shown to patients")).toHaveValue(HOSPITAL_LINE.label);
    await expect(line.getByLabel("Phone number")).toHaveValue(HOSPITAL_LINE.number);
  });

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

  test("the hospital's webhook receives each escalation once, signed", async () => {
    for (const message of [ENGLISH_CRISIS, CHINESE_CRISIS]) {
      await expect.poll(() => deliveriesOf(message).length, { message: `webhook deliveries of “${message}”`, timeout: 30_000 }).toBe(1);
      const [delivery] = deliveriesOf(message);
      // Standard Webhooks, checked by its reference library; the deprecated header still verifies for one release.
      expect(new Webhook(secret).verify(delivery!.body, delivery!.headers as Record<string, string>)).toMatchObject({ message });
      expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(delivery!.body, delivery!.headers as Record<string, string>)).toThrow();
      const signature = String(delivery!.headers["x-fenshen-signature"]);
      expect(verifyWebhook(secret, delivery!.body, signature), "signature verifies with the saved secret").toBe(true);
      expect(verifyWebhook("another-secret-entirely", delivery!.body, signature)).toBe(false);
      const body = JSON.parse(delivery!.body) as Record<string, unknown>;
      expect(delivery!.headers["x-fenshen-event"]).toBe("escalation.created");
      expect(delivery!.headers["x-fenshen-escalation"]).toBe(body.id);
      expect(body).toMatchObject({ event: "escalation.created", category: "suicide", message, avatar: { slug: "dr-lin-wen" } });
    }
  });

  test("the doctor acknowledges and resolves both escalations in the inbox", async ({ page }) => {
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
    for (const card of [english, chinese]) {
      await expect(card).toHaveAttribute("data-status", "open");
      await expect(card.getByTestId("escalation-waited")).toContainText("Waiting");
    }
    await expect(english.getByTestId("escalation-callback")).toContainText(CALLBACK_PHONE);
    await expectNoSeriousA11yViolations(page, "crisis inbox");

    await english.getByRole("button", { name: "Acknowledge" }).click();
    await expect(english).toHaveAttribute("data-status", "acknowledged");
    await expect(english.getByTestId("escalation-waited")).toContainText("for a person");

    // The note is required: an empty submit is refused by the form.
    await english.getByRole("button", { name: "Resolve" }).click();
    await expect(english).toHaveAttribute("data-status", "acknowledged");
    await english.getByLabel("Resolution note").fill("Called the patient back; they are safe with family tonight.");
    await english.getByRole("button", { name: "Resolve" }).click();
    await expect(english).toHaveAttribute("data-status", "resolved");
    await expect(english).toContainText("they are safe with family tonight");

    // An open escalation can be resolved directly; that also counts as its acknowledgement.
    await chinese.getByLabel("Resolution note").fill("已电话联系患者，家属在旁陪同，已转介心理门诊。");
    await chinese.getByRole("button", { name: "Resolve" }).click();
    await expect(chinese).toHaveAttribute("data-status", "resolved");
    await expect(chinese).toContainText("已转介心理门诊");

    const resolved = page.getByRole("region", { name: "Resolved" });
    await expect(resolved.locator(english)).toBeVisible();
    await expect(resolved.locator(chinese)).toBeVisible();
    await expectNoSeriousA11yViolations(page, "crisis inbox after handling");

    // Handling an escalation sends nothing more to the hospital: still one delivery each.
    expect(deliveriesOf(ENGLISH_CRISIS)).toHaveLength(1);
    expect(deliveriesOf(CHINESE_CRISIS)).toHaveLength(1);
  });
});

test("crisis settings are for administrators only", async ({ page }) => {
  await signIn(page, DEMO_DOCTOR);
  await expect(page.getByRole("navigation").getByRole("link", { name: "Crisis inbox" })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Settings" })).toHaveCount(0);
  await page.goto("/studio/settings");
  await expect(page.getByRole("heading", { name: "Only administrators can change settings" })).toBeVisible();
  await expect(page.getByLabel("Webhook URL")).toHaveCount(0);
});

test("crisis settings speak the interface's language, errors included @phone", async ({ page }, testInfo) => {
  await signIn(page, DEMO_ADMIN);
  await openCrisisSettings(page);
  await testInfo.attach("settings-en", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "设置" })).toBeVisible();
  const form = page.getByRole("form", { name: "危机通知" });
  const email = form.getByLabel("通知邮箱");
  await email.fill("not-an-address");
  await form.getByRole("button", { name: "保存危机通知设置" }).click();
  await expect(form.getByRole("alert")).toContainText("通知邮箱：请输入有效的邮箱地址");
  await expect(email).toHaveAccessibleDescription(/请输入有效的邮箱地址/);
  await expect(email).toBeFocused();

  // A robot destination must be on its platform's host: said in Chinese on the field.
  await form.getByLabel("通知发送到").selectOption({ label: "企业微信群机器人" });
  await form.getByLabel("Webhook 地址").fill("https://93.184.216.34/hooks/fenshen");
  await form.getByRole("button", { name: "保存危机通知设置" }).click();
  await expect(form.getByRole("alert")).toContainText("这不是所选平台的 Webhook 地址");
  await form.getByLabel("通知发送到").selectOption({ label: "Webhook（JSON，按 Standard Webhooks 签名）" });
  await form.getByLabel("Webhook 地址").fill("");

  await form.getByRole("button", { name: "生成密钥" }).click();
  await expect(form.getByTestId("generated-secret")).toContainText("保存后将不再显示");
  await form.getByRole("button", { name: "添加电话" }).click();
  await expect(form.getByRole("group", { name: "第 1 条", exact: true }).getByLabel("向患者显示的名称")).toBeFocused();

  // Nothing may overflow sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectNoSeriousA11yViolations(page, "settings in Chinese with an error");
  await testInfo.attach("settings-zh-CN", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});
