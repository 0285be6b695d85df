// Turning findings into positioned diagnostics, sorting them and printing them one per line.
import type { Diagnostic } from "./types.js";
import type { Finding } from "./finding.js";
import { formatPath } from "./finding.js";
import type { Positions } from "./positions.js";

/** `story.yaml:14:9 shots[3].duration: 5 is not allowed …` (no path part for whole-file problems). */
export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  return d.path === "" ? `${where} ${d.message}` : `${where} ${d.path}: ${d.message}`;
}

/** Places each finding at the line and column of its value, key or parent. */
export function placeFindings(
  file: string,
  positions: Positions,
  findings: readonly Finding[],
): Diagnostic[] {
  return findings.map((f) => {
    const pos = positions.locate(f.at ?? f.path, f.anchor ?? "value");
    return {
      file,
      line: pos.line,
      column: pos.column,
      path: formatPath(f.path),
      message: f.message,
      code: f.code,
    };
  });
}

/** Sorted by line, then column; findings at the same place keep the order the rules reported them. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.line - b.d.line || a.d.column - b.d.column || a.i - b.i)
    .map((x) => x.d);
}

/** A diagnostic about the whole file (unreadable, too large, not YAML …). */
export function fileDiagnostic(
  file: string,
  code: string,
  message: string,
  pos: { line: number; column: number } = { line: 1, column: 1 },
): Diagnostic {
  return { file, line: pos.line, column: pos.column, path: "", message, code };
}
