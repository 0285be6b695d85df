// The rules, in reporting order; when two rules flag the same key, the first one's message is kept.
import { formatPath, type Finding } from "../finding.js";
import { allowedValues } from "./allowed-values.js";
import type { Rule, RuleContext } from "./context.js";
import { duplicateIds } from "./duplicate-ids.js";
import { fieldsTaken } from "./fields-taken.js";
import { frames } from "./frames.js";
import { modelKnown } from "./model-known.js";
import { params } from "./params.js";
import { referenceCycle } from "./reference-cycle.js";
import { referenceTarget } from "./reference-target.js";
import { referenceTime } from "./reference-time.js";
import { requestBody } from "./request-body.js";
import { requiredInputs } from "./required-inputs.js";
import { unsetNothing } from "./unset-nothing.js";

export type { FrameKey, Rule, RuleContext } from "./context.js";

const RULES: readonly Rule[] = [
  duplicateIds,
  modelKnown,
  unsetNothing,
  fieldsTaken,
  requiredInputs,
  allowedValues,
  frames,
  referenceTarget,
  referenceCycle,
  referenceTime,
  params,
  requestBody,
];

/** Runs every rule; `already` are the formatted key paths of earlier findings (schema), which no rule reports again. */
export function runRules(ctx: RuleContext, already: Iterable<string>): Finding[] {
  const seen = new Set(already);
  const out: Finding[] = [];
  for (const rule of RULES) {
    for (const finding of rule(ctx)) {
      const key = formatPath(finding.path);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(finding);
    }
  }
  return out;
}
