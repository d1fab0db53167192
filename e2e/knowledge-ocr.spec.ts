import { expect, test } from "@playwright/test";
import { scannedPdf } from "@/server/test/scan-fixtures";
import { expectNoSeriousA11yViolations } from "./axe";

test("a doctor uploads a scanned leaflet: it is read by OCR, the document says which pages and how sure, and its passages hold the text", async ({ page }) => {
  test.setTimeout(180_000);
  const pdf = await scannedPdf([
    { heading: "Gout and alcohol", lines: ["Alcohol, beer above all, raises uric acid", "and can bring on a gout attack."] },
    { heading: "痛风与饮酒", lines: ["痛风患者不建议饮酒，啤酒会升高尿酸，", "并可能诱发痛风急性发作。"] },
  ]);

  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Dr. Mei Scan");
  await page.getByLabel("Email").fill(`dr.scan.${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("scanned-2024");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/studio$/);
  await page.getByLabel("Name shown to patients").fill("Dr. Mei Scan");
  await page.getByLabel("Main language").selectOption("en");
  await page.getByRole("button", { name: "Create avatar" }).click();
  await expect(page).toHaveURL(/\/studio\/avatars\/[^/]+$/);

  const knowledge = page.getByRole("tabpanel", { name: "Knowledge", exact: true });
  await knowledge.getByLabel("Files").setInputFiles({ name: "gout-leaflet.pdf", mimeType: "application/pdf", buffer: Buffer.from(pdf) });
  await knowledge.getByRole("button", { name: "Upload (1)" }).click();
  await expect(knowledge.getByTestId("upload-results")).toContainText("gout-leaflet.pdf: added");

  const leaflet = knowledge.getByTestId("document").filter({ hasText: "gout-leaflet" });
  await expect(leaflet.getByTestId("document-status")).toHaveText("Ready", { timeout: 120_000 });
  await expect(leaflet.getByTestId("ocr-summary")).toHaveText(/^Pages 1–2 read by OCR \(text recognition\), confidence \d{2,3}%$/);
  await leaflet.getByRole("button", { name: /Passages/ }).click();
  await expect(leaflet.getByTestId("passages")).toContainText("raises uric acid and can bring on a gout attack");
  await expect(leaflet.getByTestId("passages")).toContainText("啤酒会升高尿酸");
  await expectNoSeriousA11yViolations(page, "a document read by OCR");
});
