// Renders clips with ffmpeg, at most `concurrency` at once, all killed when the simulator closes.
import { rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pLimit from "p-limit";
import type { LimitFunction } from "p-limit";
import { runFfmpeg } from "../media/index.js";
import type { ClipSource } from "./job.js";
import { renderArgs } from "./render-args.js";
import type { FrameImage, RenderPlan } from "./render-plan.js";

const RENDER_TIMEOUT_MS = 120_000;

export class Renderer {
  private readonly limit: LimitFunction;
  private readonly running = new Set<Promise<unknown>>();
  private readonly dir: string;
  private readonly ffmpegPath: string;
  private readonly signal: AbortSignal;

  constructor(opts: { dir: string; ffmpegPath: string; concurrency: number; signal: AbortSignal }) {
    this.limit = pLimit(opts.concurrency);
    this.dir = opts.dir;
    this.ffmpegPath = opts.ffmpegPath;
    this.signal = opts.signal;
  }

  /** Renders `plan` to `<dir>/<key>.mp4` once a slot is free. */
  render(key: string, plan: RenderPlan): Promise<ClipSource> {
    const task = this.limit(() => this.renderNow(key, plan));
    this.running.add(task);
    const forget = (): void => void this.running.delete(task);
    task.then(forget, forget);
    return task;
  }

  /**
   * Resolves once every render has settled (callers abort the signal first). Queued renders are not
   * cleared from the queue — cleared p-limit tasks never settle — they start, see the aborted signal and fail.
   */
  async close(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async renderNow(key: string, plan: RenderPlan): Promise<ClipSource> {
    this.signal.throwIfAborted();
    const out = join(this.dir, `${key}.mp4`);
    const first = await this.writeFrame(key, "first", plan.first);
    const last = await this.writeFrame(key, "last", plan.last);
    try {
      // A safety net: a render that hangs becomes a failed job instead of a job generating forever.
      const signal = AbortSignal.any([this.signal, AbortSignal.timeout(RENDER_TIMEOUT_MS)]);
      await runFfmpeg(renderArgs(plan, { first, last, out }), { binaryPath: this.ffmpegPath, signal });
    } finally {
      const written = [first, last].filter((file): file is string => file !== null);
      await Promise.all(written.map((file) => rm(file, { force: true })));
    }
    return { kind: "file", path: out, size: (await stat(out)).size };
  }

  private async writeFrame(key: string, which: string, frame: FrameImage | null): Promise<string | null> {
    if (frame === null) return null;
    const file = join(this.dir, `${key}-${which}.${frame.type}`);
    await writeFile(file, frame.bytes);
    return file;
  }
}
