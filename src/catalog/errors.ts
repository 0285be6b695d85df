// Errors for catalog misuse: an unknown model id, or semantic values a model cannot take.
import { StoryreelError } from "../util/errors.js";
import type { FieldProblem } from "./request-fields.js";

export class UnknownModelError extends StoryreelError {
  declare readonly code: "E_UNKNOWN_MODEL";
  readonly modelId: string;
  readonly suggestions: readonly string[];

  constructor(modelId: string, suggestions: readonly string[]) {
    const hint =
      suggestions.length > 0 ? ` (did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?)` : "";
    super("E_UNKNOWN_MODEL", `unknown model "${modelId}"${hint}; run \`storyreel models\` for the list`);
    this.modelId = modelId;
    this.suggestions = suggestions;
  }
}

export class FieldMappingError extends StoryreelError {
  declare readonly code: "E_FIELD_MAPPING";
  readonly modelId: string;
  readonly problems: readonly FieldProblem[];

  constructor(modelId: string, problems: readonly FieldProblem[]) {
    super("E_FIELD_MAPPING", `${modelId}: ${problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`);
    this.modelId = modelId;
    this.problems = problems;
  }
}
