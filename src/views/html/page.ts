// The whole report.html: header (title, storyboard, film, counts, credits) and a grid of shot cards; no script at all.
import { bytes, credits } from "../format.js";
import { cardHtml, isSimulated } from "./card.js";
import { escapeHtml, relativeHref } from "./escape.js";
import { STYLES } from "./styles.js";
import { duration, timestamp } from "./text.js";
import type { ReportPage } from "./types.js";

/** Scripts are forbidden outright; images only as data: URIs; media from the folder itself. */
const CSP =
  "default-src 'none'; img-src data:; media-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STATUS_ORDER = ["completed", "submitted", "pending", "failed", "unknown", "skipped"] as const;
const STAT_TONE: Record<string, string> = {
  completed: "ok",
  failed: "bad",
  unknown: "warn",
  submitted: "run",
};

export function reportHtml(page: ReportPage): string {
  const { manifest, cards } = page;
  const title = manifest.title ?? storyboardName(manifest.storyboard.path);
  const total = cards.length;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">
<meta name="generator" content="storyreel">
<title>${escapeHtml(title)} · storyreel report</title>
<style>${STYLES}</style>
</head>
<body>
<main class="page">
<header class="masthead">
<div>
<p class="eyebrow">storyreel render report</p>
<h1>${escapeHtml(title)}</h1>
<p class="source">Storyboard <code>${escapeHtml(page.storyboardPath ?? manifest.storyboard.path)}</code> · run started ${escapeHtml(timestamp(manifest.started_at))}${manifest.finished_at === null ? " · not finished" : ` · finished ${escapeHtml(timestamp(manifest.finished_at))}`}</p>
${filmHtml(page)}${simulatedHtml(page)}</div>
<ul class="stats">
${statsHtml(page)}
</ul>
</header>
<section class="grid">
${cards.map((card, i) => cardHtml(card, i + 1, total)).join("\n")}
</section>
<footer>Written by storyreel from <code>manifest.json</code>. Clips play from the <code>clips/</code> folder beside this file.</footer>
</main>
</body>
</html>
`;
}

/** A link to the stitched film, when `storyreel stitch` has made one. */
function filmHtml(page: ReportPage): string {
  if (!page.film) return "";
  const { path, bytes: size } = page.film;
  return `<p class="film"><a href="${escapeHtml(relativeHref(path))}" type="video/mp4">Watch the stitched film</a> <code>${escapeHtml(path)}</code> ${escapeHtml(bytes(size))}</p>\n`;
}

/** Clips from the built-in simulator are placeholders: the page says so once, and each card again. */
function simulatedHtml(page: ReportPage): string {
  const shots = page.manifest.shots;
  const simulated = shots.filter(isSimulated).length;
  if (simulated === 0) return "";
  const which = simulated === shots.length ? "Every shot" : `${simulated} of ${shots.length} shots`;
  return `<p class="simulated" data-simulated="${simulated}">${which} ran on the built-in simulator (<code>--sim</code>): its clips are made from the frames by ffmpeg, not by the model.</p>\n`;
}

function statsHtml(page: ReportPage): string {
  const shots = page.manifest.shots;
  const stat = (value: string, label: string, tone = ""): string =>
    `<li class="stat${tone === "" ? "" : ` ${tone}`}" data-stat="${escapeHtml(label)}"><b>${escapeHtml(value)}</b><span>${escapeHtml(label)}</span></li>`;
  const items = [stat(String(shots.length), shots.length === 1 ? "shot" : "shots")];
  for (const status of STATUS_ORDER) {
    const n = shots.filter((s) => s.status === status).length;
    if (n > 0) items.push(stat(String(n), status, STAT_TONE[status] ?? ""));
  }
  const simulated = shots.filter(isSimulated).length;
  if (simulated > 0) items.push(stat(String(simulated), "simulated", "warn"));
  const spent = shots.reduce((sum, s) => sum + (s.credits_used ?? 0), 0);
  items.push(stat(credits(spent), "credits"));
  const seconds = shots
    .filter((s) => s.status === "completed")
    .reduce((sum, s) => sum + (s.duration_seconds ?? 0), 0);
  if (seconds > 0) items.push(stat(duration(seconds), "of footage"));
  return items.join("\n");
}

function storyboardName(path: string): string {
  const name = path.split("/").pop() ?? path;
  return name.replace(/\.ya?ml$/i, "") || "storyreel render";
}
