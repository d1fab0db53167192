import type { Db } from "@/db/client";

/** A job a worker loop has claimed: which queue, which row, and the attempt it claimed (the fence for giving it back). */
export interface HeldLease {
  queue: "ingestion" | "simulation" | "notifications";
  id: string;
  attempts: number;
}

/** What a worker loop needs from the process running it. */
export interface JobControl {
  /** True once the process is shutting down: the loop claims no further job. */
  stopping(): boolean;
  /** Records a claimed job; call the returned function when the job is finished. */
  hold(lease: HeldLease): () => void;
}

type Release = (db: Db, lease: HeldLease) => Promise<boolean>;

/**
 * The leases one process holds. On shutdown it stops the loops from claiming, and what they still hold
 * after the grace period goes back to its queue at once instead of waiting for its lease to run out.
 */
export class LeaseBook implements JobControl {
  private stopped = false;
  private readonly held = new Map<string, HeldLease>();

  constructor(private readonly release: Record<HeldLease["queue"], Release>) {}

  stopping(): boolean {
    return this.stopped;
  }

  stop(): void {
    this.stopped = true;
  }

  hold(lease: HeldLease): () => void {
    const key = `${lease.queue}:${lease.id}`;
    this.held.set(key, lease);
    return () => {
      if (this.held.get(key) === lease) this.held.delete(key);
    };
  }

  /** The jobs held now (for logs and tests). */
  holding(): HeldLease[] {
    return [...this.held.values()];
  }

  /** Gives every job still held back to its queue; returns how many were still this process's to give. */
  async releaseAll(db: Db): Promise<number> {
    let released = 0;
    for (const lease of this.holding()) {
      if (await this.release[lease.queue](db, lease)) released++;
      this.held.delete(`${lease.queue}:${lease.id}`);
    }
    return released;
  }
}
