// The whole request body (frames as placeholders) must pass the model's own schema; problems map back to shot keys.
import { mapSemanticFields, validateRequest } from "../../catalog/index.js";
import type { ModelSpec, RequestProblem } from "../../catalog/index.js";
import type { Finding } from "../finding.js";
import { FRAME_PLACEHOLDERS, semanticValues } from "../semantic-values.js";
import type { ShotView, ValueKey } from "../shot-view.js";
import { inheritedNote, shotFinding, type Rule } from "./context.js";

export const requestBody: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const shot of ctx.shots) {
    const model = ctx.model(shot);
    if (!model) continue;
    const frames = {
      ...(shot.values.first_frame !== undefined ? { first: FRAME_PLACEHOLDERS.first } : {}),
      ...(shot.values.last_frame !== undefined ? { last: FRAME_PLACEHOLDERS.last } : {}),
    };
    const mapped = mapSemanticFields(model, semanticValues(shot.values, frames));
    for (const p of mapped.problems) {
      if (p.kind === "not_convertible") findings.push(shotFinding(shot, p.field, "bad-value", p.message));
    }
    const body: Record<string, unknown> = { ...shot.params, ...mapped.fields, model: model.id };
    for (const problem of validateRequest(model, body)) findings.push(toFinding(shot, model, problem));
  }
  return findings;
};

const DROP_PARAMS = "write `params: null` on the shot to drop the params it inherits";

function toFinding(shot: ShotView, model: ModelSpec, problem: RequestProblem): Finding {
  const [top = "", ...rest] = problem.field.split("/");
  const message = `${problem.message} (${model.id} request field ${JSON.stringify(problem.field)})`;
  const semantic = Object.entries(model.fields).find(([, field]) => field === top)?.[0] as
    ValueKey | undefined;
  if (semantic !== undefined && (shot.written.has(semantic) || problem.keyword === "required")) {
    return shotFinding(shot, semantic, "request-invalid", message);
  }
  const nested = rest.map((seg) => (/^(0|[1-9][0-9]*)$/.test(seg) ? Number(seg) : seg));
  const from = shot.paramFrom[top];
  return {
    path: [...shot.path, "params", top, ...nested],
    code: "request-invalid",
    message: from === undefined ? message : `${message}${inheritedNote(from, DROP_PARAMS)}`,
    ...(from ? { at: [...from, ...nested] } : {}),
  };
}
