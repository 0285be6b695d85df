// Clip downloads, apart from the generation slots: at most N at once (p-limit); those not started are dropped on stop.
import pLimit from "p-limit";
import type { LimitFunction } from "p-limit";
import { toShotError } from "./poll-decisions.js";
import type { FollowedShot, RunRecorder } from "./recorder.js";
import type { RunOptions } from "./run-types.js";

export interface DownloadsOptions {
  /** Downloads at once. */
  concurrency: number;
  download: RunOptions["download"];
  clipPath: RunOptions["clipPath"];
  recorder: RunRecorder;
  /** The run's stop signal: a download not started yet is dropped, one running is cut. */
  stop: AbortSignal;
  /** A download ended, whatever its outcome. */
  onSettled: () => void;
}

export class Downloads {
  readonly #o: DownloadsOptions;
  readonly #limit: LimitFunction;
  readonly #underWay = new Set<FollowedShot>();

  constructor(options: DownloadsOptions) {
    this.#o = options;
    this.#limit = pLimit({ concurrency: Math.max(1, options.concurrency), rejectOnClear: true });
  }

  /** Downloads running or waiting for a turn. */
  get size(): number {
    return this.#underWay.size;
  }

  /** Fetches the shot's clip from `url`; the recorder says how it ended (completed, or failed). */
  start(shot: FollowedShot, url: string): void {
    this.#underWay.add(shot);
    this.#limit(() => this.#fetch(shot, url))
      .catch(() => {
        // Dropped before its turn: the run is stopping; the generation id stays for the next run.
      })
      .finally(() => {
        this.#underWay.delete(shot);
        this.#o.onSettled();
      });
  }

  /** Drops every download still waiting for a turn (the run is stopping); those running are cut by the signal. */
  clear(): void {
    this.#limit.clearQueue();
  }

  async #fetch(followed: FollowedShot, url: string): Promise<void> {
    const { stop, recorder } = this.#o;
    if (stop.aborted) return;
    const { shot } = followed.entry;
    try {
      const outcome = await this.#o.download({ shot, url, relPath: this.#o.clipPath(shot), signal: stop });
      recorder.completed(followed, outcome);
    } catch (err) {
      if (stop.aborted) return;
      recorder.failed(followed.entry, "failed", followed, toShotError(err));
    }
  }
}
