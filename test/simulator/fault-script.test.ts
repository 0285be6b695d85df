import { describe, expect, it } from "vitest";
import { parseFaultScript } from "../../src/simulator/index.js";
import { hasCode } from "../../src/util/errors.js";

function errorOf(script: unknown): Error {
  try {
    parseFaultScript(script);
  } catch (err) {
    expect(hasCode(err, "E_SIM_CONFIG")).toBe(true);
    return err as Error;
  }
  throw new Error("script was accepted");
}

describe("parseFaultScript", () => {
  it("parses a JSON script of rules", () => {
    const script = JSON.stringify([
      { kind: "submit", fault: { type: "status", status: 503, retryAfter: 2 }, times: 2 },
      { kind: "poll", fault: { type: "forget" }, match: { model: "google/veo-3.1-i2v", route: "vendor" } },
      { kind: "download", fault: { type: "truncate", bytes: 1000 }, probability: 0.05 },
      { kind: "submit", fault: { type: "job-error", name: "Policy" }, skip: 3, times: "always" },
      { kind: "poll", fault: { type: "delay", ms: 250 } },
    ]);
    expect(parseFaultScript(script)).toEqual([
      { kind: "submit", fault: { type: "status", status: 503, retryAfter: 2 }, times: 2 },
      { kind: "poll", fault: { type: "forget" }, match: { model: "google/veo-3.1-i2v", route: "vendor" } },
      { kind: "download", fault: { type: "truncate", bytes: 1000 }, probability: 0.05 },
      { kind: "submit", fault: { type: "job-error", name: "Policy" }, skip: 3, times: "always" },
      { kind: "poll", fault: { type: "delay", ms: 250 } },
    ]);
  });

  it("takes the service routes' faults: logs failing or lagging, the catalogue and billing failing", () => {
    const rules = [
      { kind: "logs", fault: { type: "status", status: 503 }, times: 3 },
      { kind: "logs", fault: { type: "lag", ms: 120000 }, times: "always" },
      { kind: "models", fault: { type: "reset" } },
      { kind: "billing", fault: { type: "malformed" } },
      { kind: "submit", fault: { type: "drop-after-headers" }, probability: 0.03 },
    ];
    expect(parseFaultScript(JSON.stringify(rules))).toEqual(rules);
    expect(errorOf([{ kind: "submit", fault: { type: "lag", ms: 5 } }]).message).toContain(
      "faults[0].fault.type",
    );
    expect(errorOf([{ kind: "logs", fault: { type: "lag" } }]).message).toContain("faults[0].fault.ms");
    expect(errorOf([{ kind: "logs", fault: { type: "forget" } }]).message).toContain("for logs");
  });

  it("names the rule, the key, the value and what is allowed", () => {
    expect(errorOf("[oops").message).toContain("not valid JSON");
    expect(errorOf({}).message).toContain("array");
    expect(errorOf([{ kind: "upload", fault: { type: "reset" } }]).message).toMatch(
      /faults\[0\]\.kind is "upload"/,
    );
    const wrongKind = errorOf([{ kind: "poll", fault: { type: "truncate" } }]).message;
    expect(wrongKind).toContain("faults[0].fault.type");
    expect(wrongKind).toContain("forget");
    expect(errorOf([{ kind: "submit", fault: { type: "status", status: 99 } }]).message).toContain(
      "200..599",
    );
    expect(errorOf([{ kind: "poll", fault: { type: "delay" } }]).message).toContain("faults[0].fault.ms");
    expect(errorOf([{ kind: "poll", fault: { type: "reset" }, times: 0 }]).message).toContain(
      "faults[0].times is 0",
    );
    expect(errorOf([{ kind: "poll", fault: { type: "reset" }, probability: 2 }]).message).toContain("(0, 1]");
    expect(errorOf([{ kind: "poll", fault: { type: "reset" }, match: { route: "x" } }]).message).toContain(
      "route",
    );
  });
});
