// The exact parse of a storyboard's YAML (the yaml package, positions for every node): loaded only when the fast path cannot be used.
import { LineCounter, parseDocument } from "yaml";
import type { YAMLError } from "yaml";
import type { Diagnostic } from "./types.js";
import { fileDiagnostic, sortDiagnostics } from "./diagnostic.js";
import { MAX_YAML_ALIAS_NODES, MAX_YAML_DEPTH } from "./limits.js";
import { DocumentPositions } from "./document-positions.js";
import type { Positions } from "./positions.js";
import { scanDocument } from "./yaml-nodes.js";

/** The positions, data and diagnostics of `text` read exactly; data is undefined when anything is wrong. */
export interface ExactParse {
  positions: Positions;
  data: unknown;
  diagnostics: Diagnostic[];
}

/** Positions for a file that could not be read: none. */
export function noPositions(): Positions {
  return new DocumentPositions(null, null);
}

export function parseText(file: string, text: string): ExactParse {
  const lines = new LineCounter();
  // Duplicate keys are found by scanDocument(): the package's own uniqueKeys check is quadratic.
  // Merge keys (`<<: *base`) as in YAML 1.1, which js-yaml's fast path reads the same way.
  const doc = parseDocument(text, {
    lineCounter: lines,
    merge: true,
    uniqueKeys: false,
    prettyErrors: true,
    strict: true,
  });
  const positions = new DocumentPositions(doc, lines);
  const at = (offset: number): { line: number; column: number } => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const failed = (diagnostics: Diagnostic[]): ExactParse => ({
    positions,
    data: undefined,
    diagnostics,
  });

  const problems = [...doc.errors, ...doc.warnings].map((e) => yamlDiagnostic(file, at, e, text));
  const scan = scanDocument(doc, { maxDepth: MAX_YAML_DEPTH, maxAliasNodes: MAX_YAML_ALIAS_NODES });
  if (scan.tooDeepAt >= 0) {
    const message = `YAML nested more than ${MAX_YAML_DEPTH} levels deep: a storyboard needs only a few`;
    problems.push(fileDiagnostic(file, "yaml-too-deep", message, at(scan.tooDeepAt)));
  }
  for (const { key, offset } of scan.duplicates) {
    const message = `duplicate key ${JSON.stringify(key)}: each key may appear once per mapping`;
    problems.push(fileDiagnostic(file, "yaml-duplicate-key", message, at(offset)));
  }
  if (scan.unresolved) {
    const { name, offset } = scan.unresolved;
    const message = `YAML: unknown alias *${name} (define &${name} before using it)`;
    problems.push(fileDiagnostic(file, "yaml-alias", message, at(offset)));
  }
  if (scan.recursive) {
    const { name, offset } = scan.recursive;
    const message = `YAML: alias *${name} is used inside the node &${name} names (it would contain itself)`;
    problems.push(fileDiagnostic(file, "yaml-alias", message, at(offset)));
  }
  for (const offset of scan.badMerges) {
    const message =
      "YAML merge key << takes a mapping or an alias of one (<<: *base), or a list of them (<<: [*base, *wide])";
    problems.push(fileDiagnostic(file, "yaml-merge", message, at(offset)));
  }
  if (scan.tooManyAliasesAt >= 0) {
    const message = `YAML aliases repeat more than ${MAX_YAML_ALIAS_NODES} nodes in all: put shared values in defaults: instead`;
    problems.push(fileDiagnostic(file, "yaml-alias-limit", message, at(scan.tooManyAliasesAt)));
  }
  if (problems.length > 0) return failed(sortDiagnostics(problems));
  if (doc.contents === null) {
    return failed([
      fileDiagnostic(file, "file-empty", "the storyboard is empty: expected `version: 1` and `shots:`"),
    ]);
  }
  // Aliases were bounded and checked by scanDocument(), so the package's own per-anchor count is not needed.
  return { positions, data: doc.toJS({ maxAliasCount: -1 }), diagnostics: [] };
}

function yamlDiagnostic(
  file: string,
  at: (offset: number) => { line: number; column: number },
  err: YAMLError,
  text: string,
): Diagnostic {
  const pos = err.pos[0] >= 0 ? at(err.pos[0]) : { line: 1, column: 1 };
  const opener = err.code === "MISSING_CHAR" ? unclosedQuote(text, err.pos[0]) : null;
  if (opener !== null) {
    return fileDiagnostic(
      file,
      "yaml-syntax",
      `YAML: the ${opener.quote === '"' ? "double" : "single"}-quoted string that starts here is never closed (add the closing ${opener.quote})`,
      at(opener.offset),
    );
  }
  if (err.code === "MULTIPLE_DOCS") {
    return fileDiagnostic(
      file,
      "yaml-syntax",
      "YAML: only one document is allowed (remove the second ---)",
      pos,
    );
  }
  return fileDiagnostic(file, "yaml-syntax", `YAML: ${plainMessage(err.message, pos)}`, pos);
}

/**
 * Where an unterminated quoted scalar opens: the parser reports the end of the file, the user needs its start.
 * The opener is the last quote before `end` that is not escaped (\" in double quotes, '' in single quotes).
 */
function unclosedQuote(text: string, end: number): { quote: '"' | "'"; offset: number } | null {
  if (end < 0) return null;
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === '"' && text[i - 1] !== "\\") return { quote: '"', offset: i };
    if (ch === "'") {
      if (text[i - 1] === "'") {
        i--;
        continue;
      }
      return { quote: "'", offset: i };
    }
  }
  return null;
}

/** The yaml package's message without the " at line L, column C:" and code frame that prettyErrors appends. */
function plainMessage(message: string, at: { line: number; column: number }): string {
  const suffix = ` at line ${at.line}, column ${at.column}`;
  const cut = message.indexOf(suffix);
  const head = cut >= 0 ? message.slice(0, cut) : message;
  return head.split("\n")[0] ?? head;
}
