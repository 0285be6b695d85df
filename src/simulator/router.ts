// One request's path through the simulator: record it, then faults, auth, rate limit, and the route's handler.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimContext } from "./context.js";
import type { Fault } from "./fault-types.js";
import { handleDownload } from "./files.js";
import type { ApiRoute } from "./generation-json.js";
import { BodyTooLargeError, readBody, resetConnection, sendApiError } from "./http-io.js";
import { handlePoll } from "./poll.js";
import type { RecordedRequest } from "./recorder.js";
import { classify } from "./routes.js";
import { sendStatusFault } from "./status-fault.js";
import { handleSubmit } from "./submit.js";
import { checkAuth } from "./auth.js";
import { recordFailedSubmission } from "./submit-log.js";
import { handleServiceCall } from "./service-routes.js";
import { clientRequestIdOf } from "./trace-headers.js";

const NOT_JSON = Symbol("not JSON");

export function createHandler(ctx: SimContext, origin: "api" | "download") {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(ctx, origin, req, res).catch((err: unknown) => {
      if (ctx.closing.aborted || res.headersSent) {
        resetConnection(req);
        return;
      }
      sendApiError(res, 500, `Internal simulator error: ${(err as Error).message}`, {
        path: req.url ?? "/",
        wallNow: ctx.clock.wallNow(),
      });
    });
  };
}

async function handle(
  ctx: SimContext,
  origin: "api" | "download",
  req: IncomingMessage,
  res: ServerResponse,
) {
  const url = new URL(req.url ?? "/", "http://simulator");
  const method = req.method ?? "GET";
  const route = classify(method, url.pathname, origin);
  const record: RecordedRequest = {
    at: ctx.clock.now(),
    origin,
    kind: route.kind,
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: req.headers,
    bodyBytes: 0,
    status: null,
  };
  ctx.recorder.add(record);
  ctx.stats.countRequest(route.kind);
  res.on("finish", () => {
    record.status = res.statusCode;
    ctx.stats.countResponse(res.statusCode);
  });
  if (route.kind === "download") {
    req.resume();
    await handleDownload(ctx, req, res, { origin, path: url.pathname, fileKey: route.fileKey });
    return;
  }
  // A valid X-Client-Request-Id is echoed on every API answer; an invalid one is dropped, as the API does.
  const requestId = origin === "api" ? clientRequestIdOf(req) : null;
  if (requestId !== null) res.setHeader("x-client-request-id", requestId);
  if (route.kind === "models" || route.kind === "logs" || route.kind === "billing") {
    await handleServiceCall(ctx, req, res, route.kind, url);
    return;
  }
  if (route.kind === "other") {
    req.resume();
    sendApiError(res, 404, `Cannot ${method} ${url.pathname}`, {
      path: url.pathname,
      wallNow: ctx.clock.wallNow(),
    });
    return;
  }
  const call = {
    kind: route.kind,
    route: route.route,
    path: url.pathname,
    id: url.searchParams.get("generation_id"),
  };
  await handleApiCall(ctx, req, res, call, record);
}

async function handleApiCall(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  call: { kind: "submit" | "poll"; route: ApiRoute; path: string; id: string | null },
  record: RecordedRequest,
): Promise<void> {
  const wallNow = ctx.clock.wallNow();
  let body: unknown = undefined;
  if (call.kind === "submit") {
    try {
      const raw = await readBody(req, ctx.maxBodyBytes);
      record.bodyBytes = raw.length;
      body = parseJson(raw);
    } catch (err) {
      if (!(err instanceof BodyTooLargeError)) throw err;
      sendApiError(res, 413, "Payload Too Large", { path: call.path, wallNow });
      return;
    }
  } else {
    req.resume();
  }
  ctx.tracker.drain(ctx.clock.now());
  const model = call.kind === "submit" ? modelOf(body) : ctx.jobs.get(call.id ?? "")?.model;
  let fault: Fault | undefined = ctx.faults.take(call.kind, {
    model,
    id: call.id ?? undefined,
    route: call.route,
  });
  if (fault?.type === "delay") {
    await ctx.clock.sleep(fault.ms, ctx.closing);
    fault = undefined;
  }
  if (fault?.type === "status") {
    // A request the API failed is logged (status "failed", nothing charged); a 429 never got that far.
    if (call.kind === "submit" && fault.status >= 400 && fault.status !== 429) {
      recordFailedSubmission(ctx, req, model);
    }
    return sendStatusFault(ctx, res, fault, { path: call.path, json: true });
  }
  if (fault?.type === "reset") return resetConnection(req);
  if (fault?.type === "stall") return;
  const refusal = checkAuth(ctx, req);
  if (refusal !== null)
    return sendApiError(res, refusal.status, refusal.message, { path: call.path, wallNow });
  if (ctx.limiter !== null && !ctx.limiter.tryAcquire(ctx.clock.now())) {
    return sendApiError(res, 429, "Too Many Requests: rate limit exceeded", {
      path: call.path,
      wallNow,
      headers: { "retry-after": "1" },
    });
  }
  if (call.kind === "poll") return handlePoll(ctx, res, { ...call, fault });
  if (body === NOT_JSON) {
    recordFailedSubmission(ctx, req, undefined);
    return sendApiError(res, 400, "Body validation error!", {
      path: call.path,
      wallNow,
      details: ["body: not valid JSON"],
    });
  }
  handleSubmit(ctx, req, res, { path: call.path, route: call.route, body, fault });
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    return NOT_JSON;
  }
}

function modelOf(body: unknown): string | undefined {
  if (body === null || typeof body !== "object") return undefined;
  const model = (body as Record<string, unknown>)["model"];
  return typeof model === "string" ? model : undefined;
}
