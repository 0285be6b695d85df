// One shot as an <article>: clip and poster, prompts, settings, seed, status, timings, credits, errors; simulated marked.
import type { ShotRecord } from "../../manifest/index.js";
import { bytes, credits } from "../format.js";
import { escapeHtml, relativeHref } from "./escape.js";
import { elapsed, timestamp } from "./text.js";
import type { ReportCard } from "./types.js";

export function cardHtml(card: ReportCard, position: number, total: number): string {
  const { shot } = card;
  const number = String(position).padStart(String(total).length, "0");
  const prompt = typeof shot.request.prompt === "string" ? shot.request.prompt : null;
  const simulated = isSimulated(shot);
  const backend = simulated ? ` data-backend="simulator"` : "";
  const mark = simulated
    ? `<span class="sim-mark" title="made by the built-in simulator (--sim), not by the model">Simulated</span>`
    : "";
  return `<article class="card${simulated ? " sim" : ""}" id="shot-${escapeHtml(shot.id)}" data-shot="${escapeHtml(shot.id)}" data-status="${escapeHtml(shot.status)}"${backend}>
<div class="media">${mediaHtml(card)}<span class="index">#${number}</span>${mark}</div>
<div class="body">
<div class="title"><h2>${escapeHtml(shot.id)}</h2><span class="badge ${escapeHtml(shot.status)}">${escapeHtml(shot.status)}</span></div>
${prompt === null ? `<p class="prompt none">no prompt</p>` : `<p class="prompt">${escapeHtml(prompt)}</p>`}
${negativeHtml(shot)}${chainHtml(shot)}${settingsHtml(shot)}${errorHtml(shot)}${warningsHtml(shot)}
<dl class="meta">
${metaRows(shot)
  .map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`)
  .join("\n")}
</dl>
</div>
</article>`;
}

/** The built-in simulator made this record's clip (`backend` is recorded with each submission). */
export function isSimulated(shot: ShotRecord): boolean {
  return shot.backend === "simulator";
}

function negativeHtml(shot: ShotRecord): string {
  const negative = shot.request.negative_prompt;
  if (typeof negative !== "string") return "";
  return `<p class="negative"><span>Negative prompt</span>${escapeHtml(negative)}</p>\n`;
}

/** A chained shot: where each of its frames comes from, linked to that shot's card (the chain reads as links). */
function chainHtml(shot: ShotRecord): string {
  const refs = Object.entries(shot.upstream ?? {});
  if (refs.length === 0) return "";
  const items = refs.map(([field, ref]) => {
    const frame = typeof ref.frame === "number" ? `the frame at ${ref.frame} s` : `the ${ref.frame} frame`;
    const which = field === "image_url" ? "Starts on" : `${field} is`;
    return `${escapeHtml(which)} ${escapeHtml(frame)} of <a href="#shot-${escapeHtml(ref.shot)}">${escapeHtml(ref.shot)}</a>`;
  });
  return `<p class="chain" data-upstream="${escapeHtml(refs.map(([, r]) => r.shot).join(" "))}">${items.join("; ")}</p>
`;
}

function mediaHtml(card: ReportCard): string {
  const { shot, posterDataUri } = card;
  const poster = posterDataUri === null ? "" : ` poster="${escapeHtml(posterDataUri)}"`;
  if (shot.clip && card.clipOnDisk) {
    const label = `clip of shot ${shot.id}`;
    // Without a poster the browser's own first frame stands in (preload="metadata").
    const preload = posterDataUri === null ? "metadata" : "none";
    return `<video src="${escapeHtml(relativeHref(shot.clip.path))}"${poster} controls preload="${preload}" playsinline aria-label="${escapeHtml(label)}"></video>`;
  }
  const why = shot.clip
    ? "clip missing or changed on disk: render again to fetch it"
    : emptyReason(shot.status);
  return `<div class="empty">${escapeHtml(why)}</div>`;
}

function emptyReason(status: ShotRecord["status"]): string {
  if (status === "submitted") return "generating…";
  if (status === "failed") return "no clip: the shot failed";
  if (status === "unknown") return "no clip: submission outcome unknown";
  if (status === "skipped") return "skipped";
  return "not rendered yet";
}

function settingsHtml(shot: ShotRecord): string {
  const items: string[] = [];
  const { request } = shot;
  for (const key of ["duration", "resolution", "aspect_ratio"]) {
    const value = request[key];
    if (typeof value === "string" || typeof value === "number") {
      items.push(key === "duration" ? `${value} s` : String(value));
    }
  }
  for (const [key, value] of Object.entries(request)) {
    if (
      value !== null &&
      typeof value === "object" &&
      typeof (value as { source?: unknown }).source === "string"
    ) {
      items.push(`${key}: ${(value as { source: string }).source}`);
    }
  }
  if (items.length === 0) return "";
  return `<ul class="settings">${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>\n`;
}

function errorHtml(shot: ShotRecord): string {
  if (!shot.error) return "";
  return `<p class="error"><b>${escapeHtml(shot.error.code)}</b>${escapeHtml(shot.error.message)}</p>\n`;
}

function warningsHtml(shot: ShotRecord): string {
  const warnings = shot.warnings ?? [];
  if (warnings.length === 0) return "";
  return `<ul class="warnings">${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul>\n`;
}

/** [term, already-escaped HTML value] pairs. */
function metaRows(shot: ShotRecord): [string, string][] {
  const time = (iso: string | null): string =>
    iso === null ? "—" : `<time datetime="${escapeHtml(iso)}">${escapeHtml(timestamp(iso))}</time>`;
  const rows: [string, string][] = [
    ["Model", `<code>${escapeHtml(shot.model)}</code>`],
    ["Submitted", time(shot.submitted_at)],
    ["Completed", time(shot.completed_at)],
    ["Elapsed", escapeHtml(elapsed(shot.submitted_at, shot.completed_at))],
    ["Polls", String(shot.polls)],
    ["Credits", shot.credits_used === null ? "—" : escapeHtml(credits(shot.credits_used))],
  ];
  const seed = shot.request.seed;
  if (typeof seed === "number" || typeof seed === "string")
    rows.push(["Seed", `<code>${escapeHtml(String(seed))}</code>`]);
  if (typeof shot.backend === "string") {
    const made = isSimulated(shot) ? "the built-in simulator (--sim)" : shot.backend;
    rows.push(["Made by", escapeHtml(made)]);
  }
  if (shot.generation_id !== null)
    rows.push(["Generation", `<code>${escapeHtml(shot.generation_id)}</code>`]);
  if (shot.clip)
    rows.push(["Clip", `<code>${escapeHtml(shot.clip.path)}</code> ${escapeHtml(bytes(shot.clip.bytes))}`]);
  return rows;
}
