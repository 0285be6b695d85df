// Bearer-key check like the API's: a missing key is 401; configured keys may be refused with 401 or 403.
import type { IncomingMessage } from "node:http";
import type { SimContext } from "./context.js";

/** The refusal for this request, or null when its key is accepted. Messages never echo the key. */
export function checkAuth(
  ctx: SimContext,
  req: IncomingMessage,
): { status: 401 | 403; message: string } | null {
  const header = req.headers.authorization ?? "";
  const match = /^Bearer\s+(\S.*)$/i.exec(header);
  const key = match?.[1]?.trim();
  if (key === undefined || key === "") {
    return {
      status: 401,
      message: "Unauthorized: missing or malformed Authorization header (expected Bearer <key>)",
    };
  }
  const refusal = Object.hasOwn(ctx.rejectKeys, key) ? ctx.rejectKeys[key] : undefined;
  if (refusal === 403) return { status: 403, message: "Forbidden: insufficient credits for this request" };
  if (refusal === 401 || (ctx.apiKey !== null && key !== ctx.apiKey)) {
    return { status: 401, message: "Unauthorized: invalid API key" };
  }
  return null;
}
