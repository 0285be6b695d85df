// Reads a storyboard file safely (size cap, text only) and parses it as YAML, keeping node positions.
import { open } from "node:fs/promises";
import { resolve } from "node:path";
import { LineCounter, isAlias, parseDocument, visit } from "yaml";
import type { Document, YAMLError } from "yaml";
import { sha256Hex } from "../util/hash.js";
import { describeFsError } from "./fs-error.js";
import type { Diagnostic } from "./types.js";
import { fileDiagnostic } from "./diagnostic.js";
import { Positions } from "./positions.js";
import { MAX_STORYBOARD_BYTES, MAX_YAML_ALIASES, formatBytes } from "./limits.js";

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
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

export async function loadSource(file: string): Promise<LoadedSource> {
  const absPath = resolve(file);
  const empty = new Positions(null, null);
  const fail = (code: string, message: string): LoadedSource => ({
    file,
    absPath,
    sha256: "",
    positions: empty,
    data: undefined,
    diagnostics: [fileDiagnostic(file, code, message)],
  });

  let bytes: Buffer;
  try {
    const read = await readCapped(absPath);
    if (read.kind === "not-file") return fail("file-not-regular", "not a regular file");
    if (read.kind === "too-large") {
      const limit = formatBytes(MAX_STORYBOARD_BYTES);
      return fail("file-too-large", `the file is larger than the limit of ${limit}: ${read.size} bytes`);
    }
    bytes = read.bytes;
  } catch (err) {
    return fail("file-unreadable", `cannot read the storyboard: ${describeFsError(err)}`);
  }

  const sha256 = sha256Hex(bytes);
  if (bytes.includes(0)) {
    return {
      ...fail("file-binary", "binary file (contains NUL bytes): a storyboard is UTF-8 YAML text"),
      sha256,
    };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ...fail("file-not-utf8", "not valid UTF-8 text: save the storyboard as UTF-8"), sha256 };
  }
  return { ...parseText(file, text), absPath, sha256 };
}

function parseText(file: string, text: string): Omit<LoadedSource, "absPath" | "sha256"> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true, strict: true });
  const positions = new Positions(doc, lines);
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    const diagnostics = problems.map((e) => yamlDiagnostic(file, text, lines, e));
    return { file, positions, data: undefined, diagnostics };
  }
  if (doc.contents === null) {
    const diagnostics = [
      fileDiagnostic(file, "file-empty", "the storyboard is empty: expected `version: 1` and `shots:`"),
    ];
    return { file, positions, data: undefined, diagnostics };
  }
  try {
    return { file, positions, data: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }), diagnostics: [] };
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    const message = `too many YAML alias expansions (limit ${MAX_YAML_ALIASES}): put shared values in defaults: instead`;
    const pos = firstAliasPosition(doc, lines);
    return {
      file,
      positions,
      data: undefined,
      diagnostics: [fileDiagnostic(file, "yaml-alias-limit", message, pos)],
    };
  }
}

type CappedRead = { kind: "ok"; bytes: Buffer } | { kind: "not-file" } | { kind: "too-large"; size: number };

/** Reads at most MAX_STORYBOARD_BYTES + 1 bytes, so a huge (or growing) file is never read whole. */
async function readCapped(absPath: string): Promise<CappedRead> {
  const handle = await open(absPath, "r");
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { kind: "not-file" };
    if (stat.size > MAX_STORYBOARD_BYTES) return { kind: "too-large", size: stat.size };
    const buffer = Buffer.alloc(MAX_STORYBOARD_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_STORYBOARD_BYTES) return { kind: "too-large", size: length };
    }
    return { kind: "ok", bytes: buffer.subarray(0, length) };
  } finally {
    await handle.close();
  }
}

function yamlDiagnostic(file: string, text: string, lines: LineCounter, err: YAMLError): Diagnostic {
  const start = err.pos[0] >= 0 ? lines.linePos(err.pos[0]) : { line: 1, col: 1 };
  const pos = { line: start.line, column: start.col };
  if (err.code === "DUPLICATE_KEY") {
    const key = text.slice(err.pos[0], err.pos[1]).trim();
    return fileDiagnostic(
      file,
      "yaml-duplicate-key",
      `duplicate key ${JSON.stringify(key)} in the same mapping`,
      pos,
    );
  }
  return fileDiagnostic(file, "yaml-syntax", `YAML: ${plainMessage(err.message, start)}`, pos);
}

/** The yaml package's message without the " at line L, column C:" and code frame prettyErrors appends. */
function plainMessage(message: string, at: { line: number; col: number }): string {
  const suffix = ` at line ${at.line}, column ${at.col}`;
  const cut = message.indexOf(suffix);
  const head = cut >= 0 ? message.slice(0, cut) : message;
  return head.split("\n")[0] ?? head;
}

function firstAliasPosition(doc: Document.Parsed, lines: LineCounter): { line: number; column: number } {
  let offset = -1;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) offset = node.range[0];
      return visit.BREAK;
    },
  });
  if (offset < 0) return { line: 1, column: 1 };
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}
