import { setImmediate as nextMacrotask } from "node:timers/promises";

/**
 * Bounds how many chat turns at once do their database-heavy first stretch (retrieval, curated
 * answers, the answer's writes) on the embedded engine. The crisis assessment runs before a turn asks
 * for its slot, and a crisis turn never asks (see respond): its queries queue on the database thread
 * behind those of the turns inside the gate only, not behind every waiting patient's.
 * PGlite runs on a thread of its own (db/pglite-thread-client.ts), one query at a time, while the
 * app's thread runs the other turns' JavaScript; the rest wait here rather than in the database's
 * queue. bench:chat, 50 patients, 600 requests, one sitting at a load of 7-16 on 2 cores: one turn at a
 * time 10.4-12.0 turns/s; two 14.1-17.3; three 19.1-20.7 (full answer p95 3.4-3.8 s, first byte p95
 * 0.7-1.1 s); the gate open 17.0 turns/s with a full answer p95 of 8.1 s, a first byte p95 of 3.4 s
 * and the safety stage (the conversation's context read) at p50 194 ms instead of 16-23.
 * Handing a slot over on a macrotask lets the server flush earlier responses' first bytes and accept
 * new requests between turns. On a Postgres server the gate is open: queries wait on the network and
 * run in parallel there.
 */
export const EMBEDDED_TURN_SLOTS = 3;

const HANDOFF_LOOP_TURNS = 32;

function afterLoopTurns(n: number, run: () => void): void {
  if (n === 0) run();
  else setImmediate(() => afterLoopTurns(n - 1, run));
}

export class TurnGate {
  private inside = 0;
  private readonly waiting: (() => void)[] = [];

  /** capacity: how many turns may hold a slot at once (Infinity: the gate is open). */
  constructor(private readonly capacity: number) {}

  /** Waits for the turn's slot (always across a macrotask, so the caller's first bytes go out first); returns its release. */
  async acquire(): Promise<() => void> {
    await nextMacrotask();
    if (this.capacity === Infinity) return () => {};
    if (this.inside >= this.capacity) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.inside++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The slot reopens HANDOFF_LOOP_TURNS event-loop turns later, also when nobody waits yet: turns
      // that arrive meanwhile (in the same loop turn) queue up instead of running back to back. Each
      // loop turn in between lets pending requests advance one I/O step (a new connection needs
      // several before its first bytes go out); an idle loop turn costs microseconds. bench:chat with
      // 50 patients: 4 loop turns gave a first-byte p95 of 726 ms on a cold start, 32 gave 330-420 ms.
      afterLoopTurns(HANDOFF_LOOP_TURNS, () => {
        const next = this.waiting.shift();
        // The slot passes to the next turn as it is, or frees up.
        if (next) next();
        else this.inside--;
      });
    };
  }
}
