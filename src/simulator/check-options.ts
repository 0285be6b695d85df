// Rules for simulator options: each names the option, the value, and what is allowed.
import { SimulatorConfigError } from "./errors.js";
import type { SimulatorOptions } from "./options.js";

export function checkOptions(opts: SimulatorOptions): void {
  rule(opts.queuedFraction, "queuedFraction", (n) => n >= 0 && n < 1, "a number in [0, 1)");
  rule(opts.renderConcurrency, "renderConcurrency", (n) => Number.isInteger(n) && n >= 1, "an integer >= 1");
  rule(opts.fps, "fps", (n) => Number.isInteger(n) && n >= 1 && n <= 60, "an integer 1..60");
  rule(opts.port, "port", isPort, "an integer 0..65535");
  rule(opts.downloadPort, "downloadPort", isPort, "an integer 0..65535");
  rule(opts.rateLimit?.requestsPerSecond, "rateLimit.requestsPerSecond", (n) => n >= 1, "a number >= 1");
  rule(opts.recordRequests, "recordRequests", (n) => n >= 0, "a number >= 0 (Infinity keeps all)");
  rule(opts.maxBodyBytes, "maxBodyBytes", (n) => n >= 1, "a number of bytes >= 1");
  rule(opts.balanceUsd, "balanceUsd", Number.isFinite, "a number of USD");
  rule(opts.logsDelayMs, "logsDelayMs", (n) => Number.isFinite(n) && n >= 0, "milliseconds >= 0");
  rule(opts.priceScale, "priceScale", (n) => Number.isFinite(n) && n > 0, "a number > 0");
  rule(opts.chargeScale, "chargeScale", (n) => Number.isFinite(n) && n >= 0, "a number >= 0");
  if (opts.render !== undefined && opts.render !== "ffmpeg" && opts.render !== "fast") {
    throw new SimulatorConfigError(
      `render ${JSON.stringify(opts.render)} is not allowed: use "ffmpeg" or "fast"`,
    );
  }
}

function rule(value: number | undefined, name: string, ok: (n: number) => boolean, allowed: string): void {
  if (value === undefined) return;
  if (typeof value !== "number" || Number.isNaN(value) || !ok(value)) {
    throw new SimulatorConfigError(`${name} ${String(value)} is not allowed: use ${allowed}`);
  }
}

function isPort(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 65535;
}
