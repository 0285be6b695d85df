// GET a generation's state, computed from the clock; scripted faults can forget, fail or freeze the job.
import type { ServerResponse } from "node:http";
import type { SimContext } from "./context.js";
import { jobErrorOf } from "./create-job.js";
import type { Fault } from "./fault-types.js";
import { generationJson, malformedBody, unexpectedBody } from "./generation-json.js";
import type { ApiRoute } from "./generation-json.js";
import { sendApiError, sendJson, sendRaw } from "./http-io.js";
import { jobStatus } from "./job.js";
import { inferenceHeaders } from "./trace-headers.js";

export function handlePoll(
  ctx: SimContext,
  res: ServerResponse,
  call: { path: string; route: ApiRoute; id: string | null; fault: Fault | undefined },
): void {
  const wallNow = ctx.clock.wallNow();
  if (call.id === null || call.id === "") {
    sendApiError(res, 400, "Query validation error!", {
      path: call.path,
      wallNow,
      details: ["generation_id: required but missing"],
    });
    return;
  }
  const job = call.fault?.type === "forget" ? undefined : ctx.jobs.get(call.id);
  if (job === undefined) {
    sendApiError(res, 404, "Generation not found", { path: call.path, wallNow });
    return;
  }
  const now = ctx.clock.now();
  const before = jobStatus(job, now);
  const pending = before === "queued" || before === "generating";
  if (call.fault?.type === "job-error" && pending) {
    job.error = jobErrorOf(call.fault);
    job.failedAt = now;
    job.neverFinish = false;
    ctx.tracker.end(job, now);
  }
  if (call.fault?.type === "never-finish" && pending) job.neverFinish = true;
  const status = jobStatus(job, now);
  if (status === "completed" && job.timing.firstCompletedPollAt === null)
    job.timing.firstCompletedPollAt = now;
  // The charge is booked once the generation has completed: that answer carries it.
  const headers = inferenceHeaders(job, status === "completed" ? job.credits : 0);
  if (call.fault?.type === "malformed") sendRaw(res, 200, malformedBody(job, status), headers);
  else if (call.fault?.type === "unexpected") sendJson(res, 200, unexpectedBody(job, status), headers);
  else sendJson(res, 200, generationJson(ctx, job, status, call.route), headers);
}
