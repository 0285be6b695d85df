// Runs action.yml's composite steps the way a GitHub runner does, for the tests: `${{ }}` expressions over
// inputs/steps/github/runner, `if:` conditions (success() unless a status function is given), bash run steps with
// GITHUB_OUTPUT per step; `uses:` steps are recorded, not run. Anything else in an expression fails the test.
import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parse } from "yaml";

export interface ActionInput {
  description?: string;
  required?: boolean;
  default?: string;
}

export interface ActionStep {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  "working-directory"?: string;
}

export interface ActionFile {
  name: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description?: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export async function readAction(path: string): Promise<ActionFile> {
  return parse(await readFile(path, "utf8")) as ActionFile;
}

interface Context {
  inputs: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string>; outcome: "success" | "failure" | "skipped" }>;
  github: Record<string, string>;
  runner: Record<string, string>;
}

export interface StepRecord {
  name: string;
  ran: boolean;
  uses?: string;
  with?: Record<string, string>;
  exitCode?: number;
  stdout: string;
  stderr: string;
}

export interface ActionRun {
  outputs: Record<string, string>;
  steps: StepRecord[];
  /** The action failed (a step failed). */
  failed: boolean;
  stepSummary: string;
}

export interface RunActionOptions {
  action: ActionFile;
  actionPath: string;
  inputs: Record<string, string>;
  /** Runner temp folder (RUNNER_TEMP). */
  temp: string;
  env: Record<string, string>;
  /** Step id → outputs to use instead of running the step (the install step's npm ci). */
  replace?: Record<string, Record<string, string>>;
}

const REF = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/;

function lookup(ref: string, ctx: Context): string {
  if (!REF.test(ref)) throw new Error(`expression not understood by the test runner: ${ref}`);
  let value: unknown = ctx;
  for (const part of ref.split(".")) {
    value =
      value !== null && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === undefined || value === null) return "";
  throw new Error(`expression names an object, not a value: ${ref}`);
}

/** One expression: terms joined by &&; a term is always(), success(), ref == 'x', ref != 'x', or a ref. */
export function evaluate(expr: string, ctx: Context, failedSoFar: boolean): boolean | string {
  const terms = expr.split("&&").map((t) => t.trim());
  if (terms.length === 1 && !/[=!()]/.test(terms[0]!)) return lookup(terms[0]!, ctx);
  const hasStatus = terms.some((t) => /^(always|success|failure|cancelled)\(\)$/.test(t));
  let result = hasStatus ? true : !failedSoFar;
  for (const term of terms) {
    if (term === "always()") continue;
    if (term === "success()") result &&= !failedSoFar;
    else if (term === "failure()") result &&= failedSoFar;
    else {
      const match = /^([\w.-]+)\s*(==|!=)\s*'([^']*)'$/.exec(term);
      if (!match) {
        if (/[=!()'\s]/.test(term)) throw new Error(`expression not understood by the test runner: ${term}`);
        result &&= lookup(term, ctx) !== "";
        continue;
      }
      // GitHub compares strings case-insensitively.
      const equal = lookup(match[1]!, ctx).toLowerCase() === match[3]!.toLowerCase();
      result &&= match[2] === "==" ? equal : !equal;
    }
  }
  return result;
}

export function interpolate(text: string, ctx: Context): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expr: string) => String(evaluate(expr, ctx, false)));
}

function runBash(
  script: string,
  options: { cwd: string; env: Record<string, string> },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    // What GitHub runs for `shell: bash`.
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}

function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const at = line.indexOf("=");
    if (at > 0) outputs[line.slice(0, at)] = line.slice(at + 1);
  }
  return outputs;
}

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const { action } = options;
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    const given = options.inputs[name];
    if (given === undefined && spec.required) throw new Error(`input ${name} is required`);
    inputs[name] = given ?? spec.default ?? "";
  }
  for (const name of Object.keys(options.inputs)) {
    if (!(name in action.inputs)) throw new Error(`action.yml has no input ${name}`);
  }
  const ctx: Context = {
    inputs,
    steps: {},
    github: { action_path: options.actionPath, run_id: "4242", run_attempt: "1" },
    runner: { temp: options.temp, os: "Linux" },
  };
  await mkdir(options.temp, { recursive: true });
  const stepSummary = join(options.temp, "step-summary.md");
  await writeFile(stepSummary, "");
  const records: StepRecord[] = [];
  let failed = false;
  for (const [i, step] of action.runs.steps.entries()) {
    const name = step.name ?? step.id ?? `step ${i}`;
    const condition = step.if ?? "success()";
    const go = evaluate(condition.replace(/^\$\{\{\s*|\s*\}\}$/g, ""), ctx, failed);
    if (go === false || go === "") {
      records.push({ name, ran: false, stdout: "", stderr: "" });
      if (step.id) ctx.steps[step.id] = { outputs: {}, outcome: "skipped" };
      continue;
    }
    if (step.id && options.replace?.[step.id]) {
      records.push({ name, ran: false, stdout: "", stderr: "" });
      ctx.steps[step.id] = { outputs: options.replace[step.id]!, outcome: "success" };
      continue;
    }
    if (step.uses) {
      const withValues = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(String(v), ctx)]),
      );
      records.push({ name, ran: true, uses: step.uses, with: withValues, stdout: "", stderr: "" });
      if (step.id) ctx.steps[step.id] = { outputs: {}, outcome: "success" };
      continue;
    }
    if (step.shell !== "bash" || step.run === undefined)
      throw new Error(`${name}: only bash run steps are emulated`);
    const outputFile = join(options.temp, `output-${i}`);
    await writeFile(outputFile, "");
    const stepEnv = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([k, v]) => [k, interpolate(String(v), ctx)]),
    );
    const workdir = step["working-directory"] ? interpolate(step["working-directory"], ctx) : ".";
    const cwd = resolve(options.env.GITHUB_WORKSPACE ?? options.temp, workdir);
    await mkdir(cwd, { recursive: true });
    const result = await runBash(step.run, {
      cwd,
      env: {
        ...options.env,
        GITHUB_ACTIONS: "true",
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: stepSummary,
        GITHUB_ACTION_PATH: options.actionPath,
        RUNNER_TEMP: options.temp,
        ...stepEnv,
      },
    });
    records.push({ name, ran: true, exitCode: result.code, stdout: result.stdout, stderr: result.stderr });
    const outcome = result.code === 0 ? "success" : "failure";
    if (outcome === "failure") failed = true;
    if (step.id) ctx.steps[step.id] = { outputs: parseOutputs(await readFile(outputFile, "utf8")), outcome };
  }
  const outputs = Object.fromEntries(
    Object.entries(action.outputs).map(([k, o]) => [k, interpolate(o.value, ctx)]),
  );
  return { outputs, steps: records, failed, stepSummary: await readFile(stepSummary, "utf8") };
}
