// POST a generation: validate like the API, create the paid job, then answer (or fail as scripted).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimContext } from "./context.js";
import { createJob } from "./create-job.js";
import type { Fault } from "./fault-types.js";
import { generationJson, malformedBody, unexpectedBody } from "./generation-json.js";
import type { ApiRoute } from "./generation-json.js";
import { resetConnection, sendApiError, sendJson, sendRaw } from "./http-io.js";
import { jobStatus } from "./job.js";
import { recordAcceptedSubmission, recordFailedSubmission } from "./submit-log.js";
import { inferenceHeaders } from "./trace-headers.js";
import { checkSubmitBody } from "./validate-body.js";

export function handleSubmit(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  call: { path: string; route: ApiRoute; body: unknown; fault: Fault | undefined },
): void {
  const check = checkSubmitBody(call.body);
  if (!check.ok) {
    recordFailedSubmission(ctx, req, modelOf(call.body));
    sendApiError(res, 400, "Body validation error!", {
      path: call.path,
      wallNow: ctx.clock.wallNow(),
      details: check.details,
    });
    return;
  }
  const job = createJob(ctx, check, call.fault);
  recordAcceptedSubmission(ctx, req, job);
  const status = jobStatus(job, ctx.clock.now());
  // Charged once completed: the submission's answer reports 0.
  const headers = inferenceHeaders(job, 0);
  switch (call.fault?.type) {
    case "reset-after-accept":
      resetConnection(req);
      return;
    case "drop-after-headers":
      dropAfterHeaders(res, JSON.stringify(generationJson(ctx, job, status, call.route)), headers);
      return;
    case "malformed":
      sendRaw(res, 200, malformedBody(job, status), headers);
      return;
    case "unexpected":
      sendJson(res, 200, unexpectedBody(job, status), headers);
      return;
    default: {
      const { id, status: shown } = generationJson(ctx, job, status, call.route);
      sendJson(res, 200, { id, status: shown }, headers);
    }
  }
}

/** Status line, headers (with the full Content-Length) and half the body; then the socket is destroyed. */
function dropAfterHeaders(res: ServerResponse, text: string, headers: Record<string, string>): void {
  const payload = Buffer.from(text, "utf8");
  res.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(payload.length),
    ...headers,
  });
  res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.socket?.destroy());
}

function modelOf(body: unknown): string | undefined {
  if (body === null || typeof body !== "object") return undefined;
  const model = (body as Record<string, unknown>)["model"];
  return typeof model === "string" ? model : undefined;
}
