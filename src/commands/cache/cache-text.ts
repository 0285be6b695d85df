// What `storyreel cache …` prints: plain text tables and one-line outcomes (the --json forms are the data itself).
import type { CacheListing, CacheStats, PruneReport, VerifyReport } from "../../cache/index.js";
import type { ExportResult, ImportResult, ShotFailure, ShotNote } from "./cache-transfer.js";
import { credits, table } from "../../views/format.js";

/** Sizes as the rest of storyreel prints them (powers of 1024). */
export function size(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

const count = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** "2026-12-03 08:36" from an ISO date (UTC). */
function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** The request's prompt on one line, cut to 40 characters ("-" when it has none). */
function promptOf(request: Record<string, unknown>): string {
  const prompt = request.prompt;
  if (typeof prompt !== "string" || prompt.trim() === "") return "-";
  const line = prompt.replace(/\s+/g, " ").trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

export function listText(location: string, listing: CacheListing): string {
  const lines: string[] = [];
  if (listing.entries.length > 0) {
    const rows = [["key", "created (UTC)", "backend", "model", "seconds", "credits", "clip", "prompt"]];
    for (const { entry } of listing.entries) {
      rows.push([
        entry.key.slice(0, 12),
        when(entry.created),
        entry.backend,
        entry.model,
        entry.duration_seconds === null ? "-" : String(entry.duration_seconds),
        credits(entry.credits_used),
        `${entry.clip.sha256.slice(0, 12)} ${size(entry.clip.bytes)}`,
        promptOf(entry.request),
      ]);
    }
    lines.push(table(rows), "");
  }
  let bytes = 0;
  for (const clip of listing.clips.values()) bytes += clip.bytes;
  lines.push(
    `${count(listing.entries.length, "entry", "entries")}, ${count(listing.clips.size, "clip")} (${size(bytes)}) in ${location}`,
  );
  if (listing.invalid.length > 0) {
    lines.push(
      `${count(listing.invalid.length, "unusable entry", "unusable entries")} (storyreel cache verify lists them)`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export function statsText(stats: CacheStats): string {
  const backends = Object.entries(stats.byBackend)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([backend, n]) => `${backend} ${n}`)
    .join(", ");
  const lines = [
    `cache:    ${stats.location} (${stats.kind === "s3" ? "S3" : "folder"})`,
    `entries:  ${stats.entries}${backends ? ` (${backends})` : ""}${stats.invalidEntries ? `, ${stats.invalidEntries} unusable` : ""}`,
    `clips:    ${stats.clips}, ${size(stats.clipBytes)}; ${stats.sharedClips} shared by several entries, ${stats.unreferencedClips} named by none (${size(stats.unreferencedBytes)})${stats.missingClips ? `; ${stats.missingClips} entries miss their clip` : ""}`,
    `credits:  ${credits(stats.creditsHeld)} (what these generations cost once; a hit pays nothing)`,
    `created:  ${stats.oldest ? `${when(stats.oldest)} … ${when(stats.newest!)} UTC` : "-"}`,
  ];
  return `${lines.join("\n")}\n`;
}

export function verifyText(report: VerifyReport & { location: string }): string {
  const lines: string[] = [];
  for (const clip of report.corrupt) {
    const used =
      clip.entries.length > 0
        ? `named by ${clip.entries.map((k) => k.slice(0, 12)).join(", ")}`
        : "named by no entry";
    lines.push(`corrupt  clip ${clip.sha256.slice(0, 12)} (${size(clip.bytes)}): ${clip.problem}; ${used}`);
  }
  for (const m of report.missing)
    lines.push(`missing  clip ${m.sha256.slice(0, 12)} of entry ${m.key.slice(0, 12)}`);
  for (const e of report.invalid) lines.push(`unusable entry ${e.name}: ${e.problem}`);
  const checked = `checked ${count(report.clipsChecked, "clip")} (${size(report.bytesChecked)}) and ${count(report.entriesChecked, "entry", "entries")} in ${report.location}`;
  if (report.ok) lines.push(`${checked}: all intact`);
  else {
    const problems = report.corrupt.length + report.missing.length + report.invalid.length;
    lines.push(`${checked}: ${count(problems, "problem")}`);
    if (report.corrupt.length + report.missing.length > 0) {
      lines.push(
        "A render treats those entries as misses and stores a good copy (so does cache export of a folder that has the clip).",
      );
    }
    if (report.invalid.length > 0)
      lines.push("cache prune removes unusable entries once they are an hour old.");
  }
  return `${lines.join("\n")}\n`;
}

export function pruneText(report: PruneReport & { location: string }): string {
  const by = (reason: string): number => report.removedEntries.filter((e) => e.reason === reason).length;
  const reasons = [
    by("age") ? `${by("age")} by age` : "",
    by("size") ? `${by("size")} for size` : "",
    by("invalid") ? `${by("invalid")} unusable` : "",
  ].filter(Boolean);
  const verb = report.dryRun ? "would remove" : "removed";
  const removed = `${verb} ${count(report.removedEntries.length, "entry", "entries")}${reasons.length ? ` (${reasons.join(", ")})` : ""} and ${count(report.removedClips, "clip")} (${size(report.freedBytes)})`;
  return `${removed} from ${report.location}; ${report.dryRun ? "it would keep" : "kept"} ${count(report.entries, "entry", "entries")}, ${count(report.clips, "clip")} (${size(report.clipBytes)})\n`;
}

function notes(title: string, items: readonly ShotNote[]): string[] {
  return items.length === 0 ? [] : [`${title}: ${items.map((n) => `${n.id} (${n.reason})`).join(", ")}`];
}

function failures(items: readonly ShotFailure[]): string[] {
  if (items.length === 0) return [];
  // One cause usually fails them all (an unreachable store): say it once.
  const byMessage = new Map<string, string[]>();
  for (const f of items)
    byMessage.set(f.warning.message, [...(byMessage.get(f.warning.message) ?? []), f.id]);
  return [...byMessage].map(([message, ids]) => `failed: ${ids.join(", ")}: ${message}`);
}

export function exportText(result: ExportResult, shownOutDir: string): string {
  const lines = [
    `exported ${shownOutDir} to ${result.cache}: ${result.stored.length} stored, ${result.present.length} already there, ${result.skipped.length} skipped, ${result.failed.length} failed`,
    ...notes("skipped", result.skipped),
    ...failures(result.failed),
  ];
  return `${lines.join("\n")}\n`;
}

export function importText(result: ImportResult, shownOutDir: string): string {
  const lines = [
    `imported into ${shownOutDir} from ${result.cache}: ${result.restored.length} clips restored, ${result.intact.length} already intact, ${result.missing.length} not in the cache, ${result.failed.length} failed`,
    ...notes("not in the cache", result.missing),
    ...notes("skipped", result.skipped),
    ...failures(result.failed),
  ];
  return `${lines.join("\n")}\n`;
}
