// `storyreel plan`: the table of what render would do, or the whole plan as JSON; never sends anything.
import { plan } from "../commands/plan.js";
import type { PlannedShot, PlanResult } from "../commands/plan.js";
import { USD_TO_CREDITS, USD_TO_CREDITS_SOURCE } from "../catalog/index.js";
import { table } from "../report/format.js";
import type { CliIo } from "./io.js";
import { fromCwd } from "./paths.js";
import { selectionFromFlags } from "./selection-flags.js";
import type { SelectionFlags } from "./selection-flags.js";

export interface PlanFlags extends SelectionFlags {
  out?: string;
  json?: boolean;
}

const ACTION_LABEL: Readonly<Record<PlannedShot["action"], string>> = {
  submit: "render",
  resume: "resume",
  skip: "up to date",
  excluded: "not selected",
};

export async function planCommand(file: string, flags: PlanFlags, io: CliIo): Promise<number> {
  const result = await plan({
    storyboard: fromCwd(io, file),
    selection: selectionFromFlags(flags),
    ...(flags.out !== undefined ? { outDir: fromCwd(io, flags.out) } : {}),
  });
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  // Each estimate's basis once, as a numbered footnote: shots of one model usually share it.
  const bases: string[] = [];
  const footnote = (basis: string): string => {
    const at = bases.indexOf(basis);
    return `[${(at === -1 ? bases.push(basis) : at + 1).toString()}]`;
  };
  const rows = [["shot", "action", "model", "seconds", "est. credits", "request", "why"]];
  for (const shot of result.shots) {
    rows.push([
      shot.id,
      ACTION_LABEL[shot.action],
      shot.model,
      shot.durationSeconds === null ? "?" : String(shot.durationSeconds),
      shot.action !== "submit" ? "-" : `${creditsCell(shot)} ${footnote(shot.estimate.basis)}`,
      summarise(shot.request),
      shot.reason === ACTION_LABEL[shot.action] ? "" : shot.reason,
    ]);
  }
  const t = result.totals;
  const notes = bases.map((basis, i) => `[${i + 1}] ${basis}`);
  io.stdout.write(
    `${table(rows)}\n\n` +
      (notes.length > 0 ? `${notes.join("\n")}\n\n` : "") +
      `${t.toSubmit} to render (${t.secondsToGenerate} s of video), ${t.toResume} to resume, ${t.upToDate} up to date, ${t.excluded} not selected\n` +
      `estimated cost: ${costText(t)}\n` +
      `credits are AIML credits: $1 = ${USD_TO_CREDITS.toLocaleString("en-US")} credits (${USD_TO_CREDITS_SOURCE})\n` +
      `output: ${result.outDir}\nnothing was sent.\n`,
  );
  return 0;
}

function creditsCell(shot: PlannedShot): string {
  return shot.estimate.credits === null ? "unknown" : shot.estimate.credits.toLocaleString("en-US");
}

/** "1,200,000 credits", "1,200,000 credits + 2 shots of unknown price", or "unknown (3 shots of unknown price)". */
function costText(totals: PlanResult["totals"]): string {
  const n = totals.unknownPrice;
  const unknown = `${n} shot${n === 1 ? "" : "s"} of unknown price`;
  if (n > 0 && n === totals.toSubmit) return `unknown (${unknown})`;
  const known = `${totals.estimatedCredits.toLocaleString("en-US")} credits`;
  return n > 0 ? `${known} + ${unknown}` : known;
}

/** The request in one short line: fields other than the prompt, frames by file name. */
function summarise(request: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(request)) {
    if (key === "model" || key === "prompt") continue;
    if (value !== null && typeof value === "object" && "source" in value) {
      const source = String(value.source);
      parts.push(`${key}=${source.startsWith("data:") ? "data:…" : source.split("/").pop()}`);
    } else {
      parts.push(`${key}=${JSON.stringify(value)}`);
    }
  }
  return parts.join(" ");
}
