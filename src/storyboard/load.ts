// Loads a storyboard file: safe read, then YAML parse with node positions kept for diagnostics.
import { resolve } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import type { YAMLError } from "yaml";
import type { Diagnostic } from "./types.js";
import { fileDiagnostic, sortDiagnostics } from "./diagnostic.js";
import { MAX_YAML_ALIAS_NODES, MAX_YAML_DEPTH } from "./limits.js";
import { DocumentPositions } from "./positions.js";
import type { Positions } from "./positions.js";
import { fastParse } from "./fast-parse.js";
import { readStoryboardText } from "./read-text.js";
import { scanDocument } from "./yaml-nodes.js";

export interface LoadedSource {
  /** As the caller gave it (used in diagnostics). */
  file: string;
  absPath: string;
  /** sha256 of the file's bytes ("" when unreadable). */
  sha256: string;
  positions: Positions;
  /** The parsed data; undefined when any diagnostic was found. */
  data: unknown;
  diagnostics: Diagnostic[];
  /** Read by the fast path: positions of shot items only. */
  fast: boolean;
}

/**
 * `exact: false` allows the fast path (see fastParse); its positions know only where each shot is, so a
 * caller that finds any problem must load again with `exact: true` to place its diagnostics.
 */
export async function loadSource(
  file: string,
  options: { exact: boolean } = { exact: true },
): Promise<LoadedSource> {
  const absPath = resolve(file);
  const read = await readStoryboardText(absPath);
  if (!read.ok) {
    const diagnostics = [fileDiagnostic(file, read.code, read.message)];
    return {
      file,
      absPath,
      sha256: read.sha256,
      positions: new DocumentPositions(null, null),
      data: undefined,
      diagnostics,
      fast: false,
    };
  }
  const fast = options.exact ? null : fastParse(read.text);
  if (fast)
    return {
      file,
      absPath,
      sha256: read.sha256,
      positions: fast.positions,
      data: fast.data,
      diagnostics: [],
      fast: true,
    };
  return { ...parseText(file, read.text), file, absPath, sha256: read.sha256, fast: false };
}

function parseText(file: string, text: string): Pick<LoadedSource, "positions" | "data" | "diagnostics"> {
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
  const failed = (diagnostics: Diagnostic[]): Pick<LoadedSource, "positions" | "data" | "diagnostics"> => ({
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
