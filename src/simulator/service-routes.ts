// The simulator's service routes: GET /v1/models (no key, ETag/304), /v2/logs (its own 200 per 60 s), /v2/billing.
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkAuth } from "./auth.js";
import { catalogueAnswer, etagMatches } from "./catalogue-body.js";
import type { SimContext } from "./context.js";
import type { Fault } from "./fault-types.js";
import { resetConnection, sendApiError, sendJson, sendRaw } from "./http-io.js";
import { jobStatus } from "./job.js";
import { handleLogs } from "./logs-route.js";
import type { ServiceKind } from "./routes.js";
import { sendStatusFault } from "./status-fault.js";
import { CREDITS_PER_USD } from "./trace-headers.js";

export async function handleServiceCall(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  kind: ServiceKind,
  url: URL,
): Promise<void> {
  req.resume();
  const path = url.pathname;
  let fault: Fault | undefined = ctx.faults.take(kind, {});
  if (fault?.type === "delay") {
    await ctx.clock.sleep(fault.ms, ctx.closing);
    fault = undefined;
  }
  if (fault?.type === "status") return sendStatusFault(ctx, res, fault, { path, json: true });
  if (fault?.type === "reset") return resetConnection(req);
  if (fault?.type === "stall") return;
  const wallNow = ctx.clock.wallNow();
  if (kind !== "models") {
    // The catalogue needs no key; logs and billing are the key's own account.
    const refusal = checkAuth(ctx, req);
    if (refusal !== null) return sendApiError(res, refusal.status, refusal.message, { path, wallNow });
    if (ctx.limiter !== null && !ctx.limiter.tryAcquire(ctx.clock.now())) {
      return sendApiError(res, 429, "Too Many Requests: rate limit exceeded", {
        path,
        wallNow,
        headers: { "retry-after": "1" },
      });
    }
  }
  if (kind === "logs" && !ctx.logsLimiter.tryAcquire(ctx.clock.now())) {
    const seconds = Math.max(1, Math.ceil(ctx.logsLimiter.retryAfterMs(ctx.clock.now()) / 1000));
    return sendApiError(res, 429, "Too Many Requests: at most 200 log requests per 60 seconds", {
      path,
      wallNow,
      headers: { "retry-after": String(seconds) },
    });
  }
  if (fault?.type === "malformed") return sendRaw(res, 200, '{"data":[{"created":"20');
  if (kind === "models") return sendCatalogue(ctx, req, res, url);
  if (kind === "logs") return handleLogs(ctx, res, url, fault);
  sendJson(res, 200, { current_balance: balanceUsd(ctx), currency: "USD" });
}

function sendCatalogue(ctx: SimContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const include = (url.searchParams.get("include") ?? "").split(",").map((s) => s.trim());
  const answer = catalogueAnswer({
    includePricing: include.includes("pricing"),
    id: url.searchParams.get("id"),
    type: url.searchParams.get("type"),
    priceScale: ctx.pricing.priceScale,
  });
  const ifNoneMatch = req.headers["if-none-match"];
  if (etagMatches(typeof ifNoneMatch === "string" ? ifNoneMatch : undefined, answer.etag)) {
    res.writeHead(304, { etag: answer.etag });
    res.end();
    return;
  }
  sendRaw(res, 200, answer.body, { etag: answer.etag });
}

/** The configured balance less the cost of every generation that has completed by now. */
function balanceUsd(ctx: SimContext): number {
  const now = ctx.clock.now();
  let credits = 0;
  for (const job of ctx.jobs.values()) if (jobStatus(job, now) === "completed") credits += job.credits;
  return Math.round((ctx.pricing.balanceUsd - credits / CREDITS_PER_USD) * 1e6) / 1e6;
}
