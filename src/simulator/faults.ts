// Scripted faults: rules added by tests or a JSON script, consumed in order by matching requests.
import { SimulatorConfigError } from "./errors.js";
import { FAULT_KINDS } from "./fault-types.js";
import type { Fault, FaultKind, FaultMatch, FaultOptions, FaultRule } from "./fault-types.js";

/** What a request offers for matching. */
export interface FaultContext {
  model?: string | undefined;
  id?: string | undefined;
  route?: "universal" | "vendor" | undefined;
}

/** A live rule: how often it has fired, and a way to withdraw it. */
export interface FaultHandle {
  readonly fired: number;
  cancel(): void;
}

interface ActiveRule {
  kind: FaultKind;
  fault: Fault;
  match: FaultMatch;
  remaining: number;
  skip: number;
  probability: number | null;
  fired: number;
}

export class FaultController {
  private rules: ActiveRule[] = [];
  private readonly random: () => number;
  private readonly firedByType = new Map<string, number>();

  constructor(random: () => number) {
    this.random = random;
  }

  /** Adds a fault for requests of `kind`; throws SimulatorConfigError when the fault cannot apply to that kind. */
  add(kind: FaultKind, fault: Fault, opts: FaultOptions = {}): FaultHandle {
    checkRule({ kind, fault, ...opts });
    const probability = opts.probability ?? null;
    const times = opts.times ?? (probability === null ? 1 : "always");
    const rule: ActiveRule = {
      kind,
      fault,
      match: opts.match ?? {},
      remaining: times === "always" ? Number.POSITIVE_INFINITY : times,
      skip: opts.skip ?? 0,
      probability,
      fired: 0,
    };
    this.rules.push(rule);
    return {
      get fired() {
        return rule.fired;
      },
      cancel: () => {
        this.rules = this.rules.filter((r) => r !== rule);
      },
    };
  }

  /** Adds every rule of a (parsed) script, in order. */
  addScript(rules: readonly FaultRule[]): FaultHandle[] {
    return rules.map(({ kind, fault, ...opts }) => this.add(kind, fault, opts));
  }

  clear(): void {
    this.rules = [];
  }

  /** Rules that can still fire. */
  get pending(): number {
    return this.rules.length;
  }

  /** Times each fault type has fired. */
  get fired(): Readonly<Record<string, number>> {
    return Object.fromEntries(this.firedByType);
  }

  /** The fault for this request, if a rule matches and fires (consuming one of its `times`). */
  take(kind: FaultKind, ctx: FaultContext): Fault | undefined {
    for (const rule of this.rules) {
      if (rule.kind !== kind || !matches(rule.match, ctx)) continue;
      if (rule.skip > 0) {
        rule.skip -= 1;
        continue;
      }
      if (rule.probability !== null && this.random() >= rule.probability) continue;
      rule.remaining -= 1;
      rule.fired += 1;
      if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
      this.firedByType.set(rule.fault.type, (this.firedByType.get(rule.fault.type) ?? 0) + 1);
      return rule.fault;
    }
    return undefined;
  }
}

function matches(match: FaultMatch, ctx: FaultContext): boolean {
  return (
    (match.model === undefined || match.model === ctx.model) &&
    (match.id === undefined || match.id === ctx.id) &&
    (match.route === undefined || match.route === ctx.route)
  );
}

function checkRule(rule: FaultRule): void {
  const allowed = FAULT_KINDS[rule.fault.type];
  if (!allowed.includes(rule.kind)) {
    throw new SimulatorConfigError(
      `fault "${rule.fault.type}" cannot apply to ${rule.kind} requests (allowed: ${allowed.join(", ")})`,
    );
  }
  const { times, skip, probability } = rule;
  if (times !== undefined && times !== "always" && !(Number.isInteger(times) && times >= 1)) {
    throw new SimulatorConfigError(
      `fault times ${JSON.stringify(times)} is not allowed: use an integer >= 1 or "always"`,
    );
  }
  if (skip !== undefined && !(Number.isInteger(skip) && skip >= 0)) {
    throw new SimulatorConfigError(`fault skip ${JSON.stringify(skip)} is not allowed: use an integer >= 0`);
  }
  if (probability !== undefined && !(probability > 0 && probability <= 1)) {
    throw new SimulatorConfigError(
      `fault probability ${JSON.stringify(probability)} is not allowed: use 0 < p <= 1`,
    );
  }
}
