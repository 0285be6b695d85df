// Parses a JSON fault script (e.g. from `storyreel sim --faults`) into checked FaultRules.
import { SimulatorConfigError } from "./errors.js";
import { FAULT_KIND_NAMES, FAULT_KINDS } from "./fault-types.js";
import type { Fault, FaultKind, FaultMatch, FaultRule, FaultType } from "./fault-types.js";

type Json = Record<string, unknown>;

/**
 * A script is an array of rules:
 * `[{ "kind": "submit", "fault": { "type": "status", "status": 503, "retryAfter": 2 }, "times": 2 }, …]`.
 * Also accepts a JSON string. Throws SimulatorConfigError naming the rule index and key.
 */
export function parseFaultScript(script: unknown): FaultRule[] {
  const value = typeof script === "string" ? parseJson(script) : script;
  if (!Array.isArray(value)) throw new SimulatorConfigError("fault script must be a JSON array of rules");
  return value.map((entry, i) => parseRule(entry, `faults[${i}]`));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new SimulatorConfigError("fault script is not valid JSON", { cause: err });
  }
}

function parseRule(entry: unknown, at: string): FaultRule {
  const rule = object(entry, at);
  const kind = rule["kind"];
  if (typeof kind !== "string" || !(FAULT_KIND_NAMES as readonly string[]).includes(kind)) {
    throw bad(`${at}.kind`, kind, FAULT_KIND_NAMES.map((k) => JSON.stringify(k)).join(", "));
  }
  const fault = parseFault(rule["fault"], `${at}.fault`, kind as FaultKind);
  const out: FaultRule = { kind: kind as FaultKind, fault };
  const times = rule["times"];
  if (times !== undefined) {
    if (times !== "always" && !(typeof times === "number" && Number.isInteger(times) && times >= 1)) {
      throw bad(`${at}.times`, times, 'an integer >= 1 or "always"');
    }
    out.times = times;
  }
  const skip = optionalNumber(rule, "skip", at, (n) => Number.isInteger(n) && n >= 0, "an integer >= 0");
  if (skip !== undefined) out.skip = skip;
  const probability = optionalNumber(rule, "probability", at, (n) => n > 0 && n <= 1, "a number in (0, 1]");
  if (probability !== undefined) out.probability = probability;
  if (rule["match"] !== undefined) out.match = parseMatch(rule["match"], `${at}.match`);
  return out;
}

function parseFault(entry: unknown, at: string, kind: FaultKind): Fault {
  const fault = object(entry, at);
  const type = fault["type"];
  if (typeof type !== "string" || !Object.hasOwn(FAULT_KINDS, type)) {
    throw bad(`${at}.type`, type, Object.keys(FAULT_KINDS).join(", "));
  }
  const allowed = FAULT_KINDS[type as FaultType];
  if (!allowed.includes(kind)) throw bad(`${at}.type`, type, `for ${kind}: one of ${faultTypesFor(kind)}`);
  switch (type as FaultType) {
    case "status":
      return parseStatus(fault, at);
    case "truncate":
    case "stall-body": {
      const bytes = optionalNumber(
        fault,
        "bytes",
        at,
        (n) => Number.isInteger(n) && n >= 0,
        "an integer >= 0",
      );
      const kindOf = type as "truncate" | "stall-body";
      return bytes === undefined ? { type: kindOf } : { type: kindOf, bytes };
    }
    case "job-error":
      return {
        type: "job-error",
        ...optionalString(fault, "name", at),
        ...optionalString(fault, "message", at),
      };
    case "delay":
    case "lag": {
      const ms = optionalNumber(fault, "ms", at, (n) => n >= 0, "milliseconds >= 0");
      if (ms === undefined) throw bad(`${at}.ms`, undefined, "milliseconds >= 0");
      return { type: type as "delay" | "lag", ms };
    }
    default:
      return { type } as Fault;
  }
}

function parseStatus(fault: Json, at: string): Fault {
  const status = fault["status"];
  if (typeof status !== "number" || !Number.isInteger(status) || status < 200 || status > 599) {
    throw bad(`${at}.status`, status, "an HTTP status 200..599");
  }
  const out: Fault = { type: "status", status, ...optionalString(fault, "message", at) };
  const retryAfter = fault["retryAfter"];
  if (retryAfter !== undefined) {
    if (typeof retryAfter !== "number" && typeof retryAfter !== "string") {
      throw bad(`${at}.retryAfter`, retryAfter, "seconds or a header value such as an HTTP-date");
    }
    out.retryAfter = retryAfter;
  }
  const date = optionalNumber(fault, "retryAfterDate", at, (n) => n >= 0, "seconds from now >= 0");
  if (date !== undefined) out.retryAfterDate = date;
  return out;
}

function parseMatch(entry: unknown, at: string): FaultMatch {
  const match = object(entry, at);
  const route = match["route"];
  if (route !== undefined && route !== "universal" && route !== "vendor") {
    throw bad(`${at}.route`, route, '"universal" or "vendor"');
  }
  return {
    ...optionalString(match, "model", at),
    ...optionalString(match, "id", at),
    ...(route === undefined ? {} : { route }),
  };
}

function faultTypesFor(kind: FaultKind): string {
  return (Object.keys(FAULT_KINDS) as FaultType[]).filter((t) => FAULT_KINDS[t].includes(kind)).join(", ");
}

function object(value: unknown, at: string): Json {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw bad(at, value, "an object");
  return value as Json;
}

function optionalNumber(
  obj: Json,
  key: string,
  at: string,
  ok: (n: number) => boolean,
  allowed: string,
): number | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || !ok(value))
    throw bad(`${at}.${key}`, value, allowed);
  return value;
}

function optionalString<K extends string>(obj: Json, key: K, at: string): Partial<Record<K, string>> {
  const value = obj[key];
  if (value === undefined) return {};
  if (typeof value !== "string") throw bad(`${at}.${key}`, value, "a string");
  return { [key]: value } as Partial<Record<K, string>>;
}

function bad(at: string, value: unknown, allowed: string): SimulatorConfigError {
  return new SimulatorConfigError(`${at} is ${JSON.stringify(value) ?? "missing"}; allowed: ${allowed}`);
}
