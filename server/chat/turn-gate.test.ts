import { describe, expect, it } from "vitest";
import { TurnGate } from "./turn-gate";

/** Counts event-loop turns, as other requests' I/O would advance. */
function loopTurnCounter() {
  const state = { turns: 0, stop: false };
  const spin = () => {
    state.turns++;
    if (!state.stop) setImmediate(spin);
  };
  setImmediate(spin);
  return state;
}

describe("TurnGate", () => {
  it("runs one turn at a time, with event-loop turns between them even when all arrive at once", async () => {
    const gate = new TurnGate(1);
    const loop = loopTurnCounter();
    let inside = 0;
    let maxInside = 0;
    const startedAt: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        const release = await gate.acquire();
        inside++;
        maxInside = Math.max(maxInside, inside);
        startedAt.push(loop.turns);
        // Synchronous work chained through microtasks, as PGlite queries are.
        for (let i = 0; i < 5; i++) await Promise.resolve();
        inside--;
        release();
      }),
    );
    loop.stop = true;
    expect(maxInside).toBe(1);
    for (let i = 1; i < startedAt.length; i++) expect(startedAt[i]! - startedAt[i - 1]!).toBeGreaterThanOrEqual(2);
  });

  it("lets as many turns in at once as its slots, the next one when a slot is handed back", async () => {
    const gate = new TurnGate(2);
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        const release = await gate.acquire();
        inside++;
        maxInside = Math.max(maxInside, inside);
        // Each turn waits on the database thread a few times, letting the other slot's turn run.
        for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
        inside--;
        release();
      }),
    );
    expect(maxInside).toBe(2);
  });

  it("lets turns run side by side when the database is a server", async () => {
    const gate = new TurnGate(Infinity);
    const [a, b] = await Promise.all([gate.acquire(), gate.acquire()]);
    a();
    b();
  });

  it("ignores a second release of the same turn", async () => {
    const gate = new TurnGate(1);
    const release = await gate.acquire();
    release();
    release();
    const next = await gate.acquire();
    next();
  });
});
