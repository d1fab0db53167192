import { describe, expect, it } from "vitest";
import { type Database, sharedDatabase } from "./client";

describe("sharedDatabase", () => {
  it("does not keep a failed open: it answers with the error until the backoff ends, then tries again", async () => {
    let clock = 0;
    const outcomes: (Error | Database)[] = [new Error("connection refused"), new Error("still refused"), { engine: "postgres" } as Database];
    let opens = 0;
    const get = sharedDatabase(async () => {
      const next = outcomes[opens++]!;
      if (next instanceof Error) throw next;
      return next;
    }, () => clock);

    await expect(get()).rejects.toThrow("connection refused");
    // Within the backoff: the same error, no new connection attempt.
    await expect(get()).rejects.toThrow("connection refused");
    expect(opens).toBe(1);
    clock = 500;
    await expect(get()).rejects.toThrow("still refused");
    expect(opens).toBe(2);
    // The backoff doubles after a second failure.
    clock = 1_499;
    await expect(get()).rejects.toThrow("still refused");
    expect(opens).toBe(2);
    clock = 1_500;
    const database = await get();
    expect(database.engine).toBe("postgres");
    // Once open, every caller shares it.
    expect(await get()).toBe(database);
    expect(opens).toBe(3);
  });

  it("shares one attempt between callers while it is under way", async () => {
    let opens = 0;
    const get = sharedDatabase(async () => {
      opens++;
      return { engine: "pglite" } as Database;
    });
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toBe(b);
    expect(opens).toBe(1);
  });
});
