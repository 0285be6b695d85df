// Turns the API's generation JSON into a normalised Generation, or says precisely what was wrong with it.

export type GenerationStatus = "queued" | "generating" | "waiting" | "active" | "completed" | "error";

export interface Generation {
  id: string;
  status: GenerationStatus;
  videoUrl: string | null;
  error: { name: string | null; message: string } | null;
  creditsUsed: number | null;
}

export type GenerationParse =
  | { ok: true; generation: Generation }
  /** `id` is set when the body carried a usable id even though something else was wrong. */
  | { ok: false; problem: string; id?: string };

const STATUSES: Readonly<Record<string, GenerationStatus>> = {
  queued: "queued",
  generating: "generating",
  waiting: "waiting",
  active: "active",
  completed: "completed",
  complete: "completed", // spelling used in the AIML docs' prose
  error: "error",
  failed: "error",
};

export function parseGeneration(json: unknown): GenerationParse {
  if (!isRecord(json)) return { ok: false, problem: `expected a JSON object, got ${describe(json)}` };
  const { id } = json;
  if (typeof id !== "string" || id.trim() === "") {
    return { ok: false, problem: `"id" is missing or not a non-empty string (got ${describe(id)})` };
  }
  const status = typeof json.status === "string" ? STATUSES[json.status.trim().toLowerCase()] : undefined;
  if (status === undefined) {
    return {
      ok: false,
      id,
      problem: `"status" ${describe(json.status)} is not one of ${Object.keys(STATUSES).join(", ")}`,
    };
  }
  const video = readVideoUrl(json.video);
  if (!video.ok) return { ok: false, id, problem: video.problem };
  return {
    ok: true,
    generation: {
      id,
      status,
      videoUrl: video.url,
      error: readError(json.error),
      creditsUsed: readCredits(json.meta),
    },
  };
}

function readVideoUrl(video: unknown): { ok: true; url: string | null } | { ok: false; problem: string } {
  if (video === undefined || video === null) return { ok: true, url: null };
  if (!isRecord(video)) return { ok: false, problem: `"video" is ${describe(video)}, expected an object` };
  if (video.url === undefined || video.url === null) return { ok: true, url: null };
  if (typeof video.url !== "string" || !isHttpUrl(video.url)) {
    return { ok: false, problem: `"video.url" is ${describe(video.url)}, expected an http(s) URL` };
  }
  return { ok: true, url: video.url };
}

function readError(error: unknown): Generation["error"] {
  if (error === undefined || error === null) return null;
  if (typeof error === "string") return { name: null, message: error };
  if (!isRecord(error)) return { name: null, message: describe(error) };
  const name = typeof error.name === "string" ? error.name : null;
  const message = typeof error.message === "string" ? error.message : (name ?? "unspecified error");
  return { name, message };
}

function readCredits(meta: unknown): number | null {
  if (!isRecord(meta) || !isRecord(meta.usage)) return null;
  const credits = meta.usage.credits_used;
  return typeof credits === "number" && Number.isFinite(credits) ? credits : null;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
