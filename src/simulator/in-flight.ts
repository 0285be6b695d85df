// Counts generations in flight (submitted, not yet completed/errored) with a min-heap of completion times.
import { MinHeap } from "../util/heap.js";
import type { Job } from "./job.js";

export class InFlightTracker {
  private readonly heap = new MinHeap<Job>();
  private count = 0;
  private max = 0;

  get current(): number {
    return this.count;
  }

  get maxSeen(): number {
    return this.max;
  }

  /** A new job enters flight; call `drain(now)` first so finished jobs have left. */
  add(job: Job): void {
    this.count += 1;
    if (this.count > this.max) this.max = this.count;
    if (!job.neverFinish) this.heap.push(job.completesAt, job);
  }

  /** Ends every job whose latency has elapsed by `now` and whose outcome is known. */
  drain(now: number): void {
    for (let next = this.heap.peekKey(); next !== undefined && next <= now; next = this.heap.peekKey()) {
      const job = this.heap.pop()!;
      job.due = true;
      if (job.neverFinish) continue;
      if (job.error !== null || job.render.state !== "pending") this.end(job, job.completesAt);
    }
  }

  /** Called when a due job's clip finishes rendering late. */
  settle(job: Job, now: number): void {
    if (job.due && !job.neverFinish && (job.error !== null || job.render.state !== "pending"))
      this.end(job, now);
  }

  /** Ends a job at once (an error injected mid-flight); a later drain of it is a no-op. */
  end(job: Job, at: number): void {
    if (job.ended) return;
    job.ended = true;
    job.timing.readyAt = at;
    this.count -= 1;
  }
}
