// The vocabulary of scripted faults: what can go wrong, on which kind of request, and for which requests.

/** The request kinds a fault can target: generations, clip downloads, and the service routes. */
export type FaultKind = "submit" | "poll" | "download" | "models" | "logs" | "billing";

export type Fault =
  /** Answer with this HTTP status and the API's error shape (downloads: a short text body). */
  | {
      type: "status";
      status: number;
      /** Retry-After header: seconds (number) or a verbatim header value (e.g. an HTTP-date). */
      retryAfter?: number | string;
      /** Retry-After as an HTTP-date this many seconds after the wall clock at answer time. */
      retryAfterDate?: number;
      message?: string;
    }
  /** Destroy the socket before answering (submit: no job is created). */
  | { type: "reset" }
  /** Submit only: create the job (it is paid) and destroy the socket without answering. */
  | { type: "reset-after-accept" }
  /**
   * Submit only: create the job (it is paid), send the answer's status line and headers (x-inference-id
   * included) and half its body, then destroy the socket: the id survives only in the header.
   */
  | { type: "drop-after-headers" }
  /** Never answer; the socket stays open until the client gives up or the simulator closes. */
  | { type: "stall" }
  /** 200 with a broken JSON body (submit: the job is created, like reset-after-accept; headers intact). */
  | { type: "malformed" }
  /** 200 with valid JSON of the wrong shape (submit: the job is created). */
  | { type: "unexpected" }
  /** Download only: announce Content-Length but send only `bytes` (default: half) and close. */
  | { type: "truncate"; bytes?: number }
  /** Download only: announce the full length, send `bytes` (default: half), then nothing more; the socket stays open. */
  | { type: "stall-body"; bytes?: number }
  /** Download only: answer 200 with bytes that are not an MP4. */
  | { type: "corrupt" }
  /** The job ends in status "error" with this error (submit: at its completion time; poll: from that poll on). */
  | { type: "job-error"; name?: string; message?: string }
  /** The job stays "generating" forever. */
  | { type: "never-finish" }
  /** Poll only: answer 404 for a known id, as if the API had forgotten it. */
  | { type: "forget" }
  /** Wait `ms` and then answer normally. */
  | { type: "delay"; ms: number }
  /** Logs only: this answer leaves out rows younger than `ms` (the analytics pipeline lagging behind). */
  | { type: "lag"; ms: number };

export type FaultType = Fault["type"];

export interface FaultMatch {
  /** Submit: the body's model. Poll/download: the job's model. */
  model?: string;
  /** Poll/download: the generation id. Logs: never matches an id. */
  id?: string;
  /** Which API route the request used (downloads have none and never match a route). */
  route?: "universal" | "vendor";
}

export interface FaultOptions {
  /** How many matching requests the fault hits; default 1, or "always" when `probability` is set. */
  times?: number | "always";
  /** Let this many matching requests through before the fault starts hitting. */
  skip?: number;
  /** Hit each matching request with this probability (seeded by the simulator's `seed`). */
  probability?: number;
  match?: FaultMatch;
}

/** One entry of a fault script (JSON-able). */
export interface FaultRule extends FaultOptions {
  kind: FaultKind;
  fault: Fault;
}

/** Which request kinds each fault type makes sense for. */
export const FAULT_KINDS: Readonly<Record<FaultType, readonly FaultKind[]>> = {
  status: ["submit", "poll", "download", "models", "logs", "billing"],
  reset: ["submit", "poll", "download", "models", "logs", "billing"],
  "reset-after-accept": ["submit"],
  "drop-after-headers": ["submit"],
  stall: ["submit", "poll", "download", "models", "logs", "billing"],
  malformed: ["submit", "poll", "models", "logs", "billing"],
  unexpected: ["submit", "poll"],
  truncate: ["download"],
  "stall-body": ["download"],
  corrupt: ["download"],
  "job-error": ["submit", "poll"],
  "never-finish": ["submit", "poll"],
  forget: ["poll"],
  delay: ["submit", "poll", "download", "models", "logs", "billing"],
  lag: ["logs"],
};

export const FAULT_KIND_NAMES: readonly FaultKind[] = [
  "submit",
  "poll",
  "download",
  "models",
  "logs",
  "billing",
];
