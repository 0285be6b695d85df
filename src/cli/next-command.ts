// The one builder of every suggested "run this next" render command (render's summary, --quiet, status, GitHub).
import type { Manifest } from "../manifest/index.js";
import { RENDER_DEFAULTS } from "./render-defaults.js";
import { shellWord } from "./paths.js";

/** render's default --reconcile-grace (DEFAULT_RECONCILE_GRACE_S in src/commands/render-reconcile.ts, not imported: status stays light). */
const DEFAULT_RECONCILE_GRACE_S = 300;

/** The API origin `render` uses when neither --base-url nor AIML_API_BASE says otherwise. */
const DEFAULT_ORIGIN = "https://api.aimlapi.com";

export interface NextCommandInput {
  /** The storyboard as the user reaches it (as typed, or relative to the working folder). */
  storyboard: string;
  /** The output folder as the user reaches it; null: the storyboard's own (no --out). */
  out: string | null;
  /** What the folder's latest run recorded: its `run` (backend, options), `shard` and shots. */
  manifest: Manifest;
  /**
   * A folder written before manifests recorded their run: its clips came from a loopback host (the simulator),
   * so the command gets --sim. Ignored when the manifest has `run`.
   */
  legacySimulator?: boolean;
}

/**
 * `storyreel render <storyboard>` with every flag that says where and how the folder's latest run went: --out,
 * the backend (--sim and --sim-latency, or --base-url unless it is the default API), tuning that differs from the
 * defaults, --max-credits or --max-usd, --reconcile-grace, --shard, the clip cache's flags. Never selection flags (--only/--failed/--force: nextSteps adds those) nor
 * output flags. After a shot timed out, --shot-timeout is doubled rather than repeated.
 */
export function nextRenderCommand(input: NextCommandInput): string {
  const { manifest } = input;
  const run = manifest.run ?? null;
  const parts = ["storyreel", "render", shellWord(input.storyboard)];
  const add = (option: string, value: string | number | null | undefined, unless?: string): void => {
    if (value === null || value === undefined || String(value) === unless) return;
    parts.push(option, shellWord(String(value)));
  };
  if (input.out !== null) add("--out", input.out);
  if (run === null) {
    if (input.legacySimulator) parts.push("--sim");
  } else if (run.backend === "simulator") {
    parts.push("--sim");
    add("--sim-latency", run.sim_latency);
  } else {
    const baseUrl = run.base_url ?? run.backend;
    if (baseUrl.replace(/\/+$/, "") !== DEFAULT_ORIGIN) add("--base-url", baseUrl);
  }
  add("--concurrency", run?.concurrency, RENDER_DEFAULTS.concurrency);
  add("--poll-interval", run?.poll_interval, RENDER_DEFAULTS.pollInterval);
  add("--shot-timeout", shotTimeout(manifest), RENDER_DEFAULTS.shotTimeout);
  if (run?.max_usd != null) add("--max-usd", run.max_usd);
  else add("--max-credits", run?.max_credits);
  add("--reconcile-grace", run?.reconcile_grace, String(DEFAULT_RECONCILE_GRACE_S));
  add("--shard", manifest.shard);
  if (run?.cache === false) parts.push("--no-cache");
  else add("--cache", run?.cache);
  if (run?.cache_read_only) parts.push("--cache-read-only");
  return parts.join(" ");
}

/** The run's --shot-timeout, or twice it when a shot ended E_SHOT_TIMEOUT (the same limit would fail it again). */
function shotTimeout(manifest: Manifest): number | null {
  const recorded = manifest.run?.shot_timeout ?? null;
  const timedOut = manifest.shots.some((s) => s.status !== "completed" && s.error?.code === "E_SHOT_TIMEOUT");
  if (!timedOut) return recorded;
  return (recorded ?? Number(RENDER_DEFAULTS.shotTimeout)) * 2;
}
