// GET /v2/billing: the key's account balance.
import { getJsonValue, type ReadResult } from "./get-json.js";
import type { Redactor } from "./redact.js";
import type { Transport } from "./transport.js";

export const BILLING_PATH = "/v2/billing";

export interface Balance {
  /** In `currency` (USD for AIML accounts). */
  currentBalance: number;
  currency: string;
}

export function billingVia(
  transport: Transport,
  redact: Redactor,
  headers: Record<string, string>,
  signal: AbortSignal | undefined,
): Promise<Balance> {
  return getJsonValue(transport, {
    phase: "billing",
    path: BILLING_PATH,
    headers,
    redact,
    signal,
    read: readBalance,
  });
}

export function readBalance(json: unknown): ReadResult<Balance> {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, problem: "expected a JSON object" };
  }
  const { current_balance: balance, currency } = json as Record<string, unknown>;
  if (typeof balance !== "number" || !Number.isFinite(balance)) {
    return { ok: false, problem: '"current_balance" is not a number' };
  }
  if (typeof currency !== "string" || currency === "") {
    return { ok: false, problem: '"currency" is not a string' };
  }
  return { ok: true, value: { currentBalance: balance, currency } };
}
