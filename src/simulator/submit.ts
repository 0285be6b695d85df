// POST a generation: validate like the API, create the paid job, then answer (or fail as scripted).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimContext } from "./context.js";
import { createJob } from "./create-job.js";
import type { Fault } from "./fault-types.js";
import { generationJson, malformedBody, unexpectedBody } from "./generation-json.js";
import type { ApiRoute } from "./generation-json.js";
import { resetConnection, sendApiError, sendJson, sendRaw } from "./http-io.js";
import { jobStatus } from "./job.js";
import { checkSubmitBody } from "./validate-body.js";

export function handleSubmit(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  call: { path: string; route: ApiRoute; body: unknown; fault: Fault | undefined },
): void {
  const check = checkSubmitBody(call.body);
  if (!check.ok) {
    sendApiError(res, 400, "Body validation error!", {
      path: call.path,
      wallNow: ctx.clock.wallNow(),
      details: check.details,
    });
    return;
  }
  const job = createJob(ctx, check, call.fault);
  const status = jobStatus(job, ctx.clock.now());
  switch (call.fault?.type) {
    case "reset-after-accept":
      resetConnection(req);
      return;
    case "malformed":
      sendRaw(res, 200, malformedBody(job, status));
      return;
    case "unexpected":
      sendJson(res, 200, unexpectedBody(job, status));
      return;
    default: {
      const { id, status: shown } = generationJson(ctx, job, status, call.route);
      sendJson(res, 200, { id, status: shown });
    }
  }
}
