import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { shutdown } from "@/server/ops/shutdown";
import type { ChatEvent } from "./turn-types";
import { chatStreamResponse } from "./ui-stream";

/** Shutdown happens once per process, so this file has it to itself. */
describe("a patient's streamed turn", () => {
  it("runs to its end after the browser goes away, and a shutdown waits for it", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let saved = false;
    async function* turn(): AsyncGenerator<ChatEvent> {
      yield { type: "text", delta: "Keep salt under five grams a day." };
      await held;
      // Where the engine saves the turn (and a crisis's escalation with it).
      saved = true;
      yield { type: "done", messageId: "m1", kind: "answer", timings: { safetyMs: 1, persistMs: 1 } };
    }

    const reader = chatStreamResponse("c1", turn()).body!.getReader();
    await reader.read();
    await reader.cancel();

    let closedAfterSave: boolean | null = null;
    const stopped = shutdown({ graceMs: 60_000, stopJobs: async () => 0, closeDatabase: async () => void (closedAfterSave = saved) });
    // Time for a shutdown that does not wait to run to its end.
    await sleep(50);
    expect(closedAfterSave).toBeNull();

    release();
    await stopped;
    expect(closedAfterSave).toBe(true);
  });
});
