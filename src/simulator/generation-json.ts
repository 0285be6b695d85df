// The generation object both the POST and the poll return, with the older route's waiting/active spelling.
import type { SimContext } from "./context.js";
import { videoUrl } from "./context.js";
import { jobError } from "./job.js";
import type { Job, JobStatus } from "./job.js";

export type ApiRoute = "universal" | "vendor";

/** The per-vendor route reports pending jobs as waiting (queued) and active (generating). */
export function routeStatus(status: JobStatus, route: ApiRoute): string {
  if (route === "universal") return status;
  if (status === "queued") return "waiting";
  return status === "generating" ? "active" : status;
}

export function generationJson(
  ctx: SimContext,
  job: Job,
  status: JobStatus,
  route: ApiRoute,
): Record<string, unknown> {
  return {
    id: job.id,
    status: routeStatus(status, route),
    video: status === "completed" ? { url: videoUrl(ctx, job) } : null,
    error: status === "error" ? jobError(job) : null,
    meta: status === "completed" ? { usage: { credits_used: job.credits } } : null,
  };
}

/** A 200 body that is not JSON at all. */
export function malformedBody(job: Job, status: JobStatus): string {
  return `{"id":${JSON.stringify(job.id)},"status":"${status}","video":{"url":"htt`;
}

/** A 200 body that is valid JSON but not a generation. */
export function unexpectedBody(job: Job, status: JobStatus): Record<string, unknown> {
  return { data: { generation: { uid: job.id, state: status } }, ok: true };
}
