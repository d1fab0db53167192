import { setImmediate as nextMacrotask } from "node:timers/promises";

/**
 * Lets one chat turn at a time do its database-heavy first stretch (retrieval, curated answers, the
 * answer's writes) on the embedded engine. The crisis assessment runs before a turn asks for its slot,
 * and a crisis turn never asks (see respond). PGlite runs each query synchronously in this
 * process, so a turn's queries chain through microtasks and hold the event loop until the turn is
 * done: no other request is read and no response flushed meanwhile. Handing over between turns on a
 * macrotask lets the server flush earlier responses' first bytes and accept new requests between
 * turns, at no cost in throughput (the queries serialize anyway). On a Postgres server the gate is
 * open: queries wait on the network and run in parallel there.
 */
const HANDOFF_LOOP_TURNS = 32;

function afterLoopTurns(n: number, run: () => void): void {
  if (n === 0) run();
  else setImmediate(() => afterLoopTurns(n - 1, run));
}

export class TurnGate {
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly serialize: boolean) {}

  /** Waits for the turn's slot (always across a macrotask, so the caller's first bytes go out first); returns its release. */
  async acquire(): Promise<() => void> {
    await nextMacrotask();
    if (!this.serialize) return () => {};
    if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The gate reopens HANDOFF_LOOP_TURNS event-loop turns later, also when nobody waits yet: turns
      // that arrive meanwhile (in the same loop turn) queue up instead of running back to back. Each
      // loop turn in between lets pending requests advance one I/O step (a new connection needs
      // several before its first bytes go out); an idle loop turn costs microseconds. bench:chat with
      // 50 patients: 4 loop turns gave a first-byte p95 of 726 ms on a cold start, 32 gave 330-420 ms.
      afterLoopTurns(HANDOFF_LOOP_TURNS, () => {
        const next = this.waiting.shift();
        if (next) next();
        else this.busy = false;
      });
    };
  }
}
