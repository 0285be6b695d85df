// `validate`: every problem of every storyboard file, as data (nothing sent, nothing written).
import { validateStoryboard } from "../../storyboard/index.js";
import type { Diagnostic } from "../../storyboard/index.js";

export interface ValidateOptions {
  files: readonly string[];
}

export interface FileValidation {
  file: string;
  valid: boolean;
  diagnostics: Diagnostic[];
}

export interface ValidateResult {
  valid: boolean;
  files: FileValidation[];
}

export async function validate(options: ValidateOptions): Promise<ValidateResult> {
  const files: FileValidation[] = [];
  for (const file of options.files) {
    const diagnostics = await validateStoryboard(file);
    files.push({ file, valid: diagnostics.length === 0, diagnostics });
  }
  return { valid: files.every((f) => f.valid), files };
}
