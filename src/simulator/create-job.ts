// Creates (and pays for) a job: draws its latency, prices it, and starts its clip at once.
import { randomUUID } from "node:crypto";
import type { ModelSpec } from "../catalog/index.js";
import type { SimContext } from "./context.js";
import { simulatedCredits } from "./price-list.js";
import type { Fault } from "./fault-types.js";
import type { Job, JobTiming } from "./job.js";
import { drawLatency } from "./latency.js";
import { planRender } from "./render-plan.js";
import type { FrameImage } from "./render-plan.js";

export function createJob(
  ctx: SimContext,
  req: { model: ModelSpec; body: Record<string, unknown>; frames: ReadonlyMap<string, FrameImage> },
  fault: Fault | undefined,
): Job {
  const now = ctx.clock.now();
  ctx.tracker.drain(now);
  const latency = drawLatency(ctx.latency, ctx.random);
  const plan = planRender(req.model, req.body, req.frames, { fps: ctx.fps });
  const resolutionField = req.model.fields.resolution;
  const resolution = resolutionField === undefined ? undefined : req.body[resolutionField];
  const fileKey = randomUUID();
  const id = `${fileKey}:${req.model.id}`;
  const neverFinish = fault?.type === "never-finish";
  const timing: JobTiming = {
    id,
    model: req.model.id,
    submittedAt: now,
    completesAt: neverFinish ? null : now + latency,
    readyAt: null,
    firstCompletedPollAt: null,
  };
  const job: Job = {
    id,
    fileKey,
    model: req.model.id,
    queuedUntil: now + latency * ctx.queuedFraction,
    completesAt: now + latency,
    neverFinish,
    error: fault?.type === "job-error" ? jobErrorOf(fault) : null,
    failedAt: now + latency,
    render: { state: "pending" },
    credits: simulatedCredits(
      req.model,
      {
        durationSeconds: plan.durationSeconds,
        resolution: typeof resolution === "string" ? resolution : null,
        audio: plan.audio,
      },
      ctx.pricing,
    ),
    timing,
    due: false,
    ended: false,
  };
  ctx.jobs.set(id, job);
  ctx.jobsByFile.set(fileKey, job);
  ctx.stats.addJob(timing);
  ctx.tracker.add(job);
  if (ctx.clips.kind === "fast") {
    job.render = { state: "done", clip: { kind: "buffer", bytes: ctx.clips.bytes } };
  } else if (job.error === null && !neverFinish) {
    ctx.clips.renderer.render(fileKey, plan).then(
      (clip) => {
        job.render = { state: "done", clip };
        ctx.tracker.settle(job, ctx.clock.now());
      },
      (err: unknown) => {
        if (ctx.closing.aborted) return;
        job.render = {
          state: "failed",
          message: `rendering failed: ${(err as Error).message}`.slice(0, 500),
        };
        ctx.tracker.settle(job, ctx.clock.now());
      },
    );
  }
  return job;
}

/** The error a job-error fault makes the job report. */
export function jobErrorOf(fault: Extract<Fault, { type: "job-error" }>): { name: string; message: string } {
  return {
    name: fault.name ?? "GenerationError",
    message: fault.message ?? "The generation failed (simulated)",
  };
}
