// Adds a submission's row to the simulator's request log (GET /v2/logs): accepted with its generation, or failed.
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { SimContext } from "./context.js";
import type { Job } from "./job.js";
import { clientRequestIdOf } from "./trace-headers.js";

export function recordAcceptedSubmission(ctx: SimContext, req: IncomingMessage, job: Job): void {
  ctx.requestLog.add({
    createdWallMs: ctx.clock.wallNow().getTime(),
    createdAt: ctx.clock.now(),
    model: job.model,
    clientRequestId: clientRequestIdOf(req),
    requestId: randomUUID(),
    inferenceId: job.id,
    job,
  });
}

/** A submission the API refused or failed: nothing created, nothing charged. */
export function recordFailedSubmission(
  ctx: SimContext,
  req: IncomingMessage,
  model: string | undefined,
): void {
  ctx.requestLog.add({
    createdWallMs: ctx.clock.wallNow().getTime(),
    createdAt: ctx.clock.now(),
    model: model ?? "unknown",
    clientRequestId: clientRequestIdOf(req),
    requestId: randomUUID(),
    inferenceId: randomUUID(),
    job: null,
  });
}
