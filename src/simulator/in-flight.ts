// Counts generations in flight (submitted, not yet completed/errored) with a min-heap of completion times.
import type { Job } from "./job.js";

export class InFlightTracker {
  private heap: Job[] = [];
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
    if (!job.neverFinish) this.push(job);
  }

  /** Ends every job whose latency has elapsed by `now` and whose outcome is known. */
  drain(now: number): void {
    while (this.heap.length > 0 && this.heap[0]!.completesAt <= now) {
      const job = this.pop();
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

  private push(job: Job): void {
    const heap = this.heap;
    heap.push(job);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.completesAt <= heap[i]!.completesAt) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  private pop(): Job {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l]!.completesAt < heap[m]!.completesAt) m = l;
        if (r < heap.length && heap[r]!.completesAt < heap[m]!.completesAt) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i]!, heap[m]!];
        i = m;
      }
    }
    return top;
  }
}
