import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { pasteDocument } from "@/server/knowledge/document.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createAvatar } from "@/server/avatars/avatar.service";
import { AppError, toErrorResponse } from "@/server/lib/errors";
import { askOffline, publishedSaltAvatar, publishedTestTarget } from "@/server/test/chat";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { metricsResponse } from "./metrics";

const TOKEN = "scrape-token-0123456789";
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const scrape = async (authorization: string | null = `Bearer ${TOKEN}`, configured: { token?: string } = { token: TOKEN }) =>
  metricsResponse(authorization, configured.token, async () => database);

/** One sample's value in the exposition text (0 when the series is absent). */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe("GET /api/metrics", () => {
  it("does not exist without METRICS_TOKEN, and refuses a scrape without the token", async () => {
    expect((await scrape(`Bearer ${TOKEN}`, {})).status).toBe(404);
    const missing = await scrape(null);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await missing.json()) as unknown).toMatchObject({ error: { code: "unauthorized" } });
    expect((await scrape("Bearer wrong-token-0123456789")).status).toBe(401);
    expect((await scrape(TOKEN)).status).toBe(401); // the scheme is required
  });

  it("counts a patient's turn in the stage, first-token and full-answer histograms", async () => {
    const { actors } = await createTestOrg(database, ["doctor"]);
    const slug = await publishedSaltAvatar(database.db, actors.doctor, "Dr. Metrics");
    const before = await (await scrape()).text();
    const answer = await askOffline(database.db, createOfflineEmbedder(), await publishedTestTarget(database.db, slug), "How much salt a day?");
    expect(answer.kind).toBe("answer");
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const after = await response.text();
    for (const series of [
      "fenshen_turn_full_answer_seconds_count",
      "fenshen_turn_first_token_seconds_count",
      'fenshen_turn_stage_seconds_count{stage="safety"}',
      'fenshen_turn_stage_seconds_count{stage="retrieval"}',
      'fenshen_turn_stage_seconds_count{stage="compose"}',
    ]) {
      expect(sample(after, series), series).toBe(sample(before, series) + 1);
    }
  });

  it("reads the queue depth from the database and counts errors by code", async () => {
    const { actors } = await createTestOrg(database, ["doctor"]);
    const avatar = await createAvatar(database.db, actors.doctor, testAvatarProfile("Dr. Queue"));
    const before = await (await scrape()).text();
    await pasteDocument(database.db, actors.doctor, { avatarId: avatar.id, title: "Queued", text: "# Queued\n\nWaits for the worker." }, { maxBytes: 1 << 20 });
    toErrorResponse(new AppError("rate_limited", "Too many messages.", { retryAfterSeconds: 5 }));
    const after = await (await scrape()).text();
    const queued = 'fenshen_job_queue_depth{queue="ingestion",status="queued"}';
    expect(sample(after, queued)).toBe(sample(before, queued) + 1);
    expect(sample(after, 'fenshen_errors_total{code="rate_limited"}')).toBe(sample(before, 'fenshen_errors_total{code="rate_limited"}') + 1);
    expect(after).toContain('fenshen_job_queue_depth{queue="notifications",status="pending"} 0');
    expect(after).toContain("fenshen_notifications_oldest_pending_seconds 0");
    expect(after).not.toContain("fenshen_notification_delivery_lag_seconds{"); // no delivery yet
  });

  it("reports the notification delivery lag and escalations from the database", async () => {
    const { orgId, actors } = await createTestOrg(database, ["doctor"]);
    const avatar = await createAvatar(database.db, actors.doctor, testAvatarProfile("Dr. Lag"));
    const [conversation] = await database.query<{ id: string }>(
      "insert into conversations (org_id, avatar_id, session_hash, locale) values ($1, $2, 's', 'en') returning id",
      [orgId, avatar.id],
    );
    const [escalation] = await database.query<{ id: string }>(
      `insert into escalations (org_id, avatar_id, conversation_id, category, level, evidence, patient_message)
       values ($1, $2, $3, 'suicide', 'imminent', '[]', 'x') returning id`,
      [orgId, avatar.id, conversation!.id],
    );
    await database.query(
      `insert into notifications (org_id, escalation_id, channel, status, created_at, delivered_at)
       values ($1, $2, 'webhook', 'delivered', clock_timestamp() - interval '4 seconds', clock_timestamp())`,
      [orgId, escalation!.id],
    );
    const text = await (await scrape()).text();
    expect(sample(text, 'fenshen_notification_delivery_lag_seconds{quantile="1"}')).toBeGreaterThanOrEqual(4);
    expect(sample(text, 'fenshen_escalations{category="suicide",status="open"}')).toBeGreaterThanOrEqual(1);
  });
});
