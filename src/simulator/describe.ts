// Human lines for `storyreel sim`: where the simulator listens and how it behaves.
import { describeLatency } from "./latency.js";
import type { Simulator } from "./options.js";

export function describeSimulator(sim: Simulator): string[] {
  const s = sim.settings;
  const render =
    s.render === "fast"
      ? "fast (one tiny prepared clip for every job)"
      : `ffmpeg (a real MP4 from each request's frames, ${s.renderConcurrency} at once)`;
  return [
    `AIML-compatible simulator listening on ${sim.url}`,
    `  submit:    POST ${sim.url}/v2/video/generations (also /v2/generate/video/<vendor>/generation)`,
    `  poll:      GET  ${sim.url}/v2/video/generations?generation_id=ID`,
    `  downloads: ${sim.downloadUrl}/files/<id>.mp4${s.downloadRedirect ? ` (via a 302 from ${sim.url})` : ""}`,
    `  models:    GET  ${sim.url}/v1/models?include=pricing (simulated prices, ETag/304, no key needed)`,
    `  logs:      GET  ${sim.url}/v2/logs (a row per submission, ${s.logsDelayMs} ms after it; 200 requests/60 s)`,
    `  billing:   GET  ${sim.url}/v2/billing (balance $${s.balanceUsd}, less each completed generation's cost)`,
    `  latency:   ${describeLatency(s.latency)} (${Math.round(s.queuedFraction * 100)}% of it queued)`,
    `  render:    ${render}`,
    `  rate limit: ${s.rateLimit === null ? "none" : `${s.rateLimit.requestsPerSecond} requests/s`}`,
    `  faults:    ${sim.faults.pending === 0 ? "none scripted" : `${sim.faults.pending} rule(s) scripted`}`,
    "  Any non-empty Bearer key is accepted unless configured otherwise.",
  ];
}
