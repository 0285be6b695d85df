// The fault script's vocabulary for `sim --help` (the README's table says the same): one entry per kind and type.

/** A request kind a rule can target (`"kind"`). Add one entry per kind the simulator learns. */
export interface FaultKindDoc {
  kind: string;
  what: string;
}

/** A fault type (`"fault": {"type": …}`). Add one entry per type the simulator learns. */
export interface FaultTypeDoc {
  type: string;
  /** The request kinds it applies to, as src/simulator/fault-types.ts FAULT_KINDS has them. */
  kinds: readonly string[];
  /** What the simulator does, with the type's own fields. */
  what: string;
  /** One complete rule (a script is a JSON array of these). */
  example: string;
}

export const FAULT_KIND_DOCS: readonly FaultKindDoc[] = [
  { kind: "submit", what: "the POST that creates a generation" },
  { kind: "poll", what: "a GET of a generation's state" },
  { kind: "download", what: "the GET of the finished clip" },
  { kind: "models", what: "GET /v1/models, the catalogue with prices" },
  { kind: "logs", what: "GET /v2/logs, the request log reconciliation reads" },
  { kind: "billing", what: "GET /v2/billing, the balance checked before spending" },
];

export const FAULT_TYPE_DOCS: readonly FaultTypeDoc[] = [
  {
    type: "status",
    kinds: ["submit", "poll", "download", "models", "logs", "billing"],
    what: 'answer this HTTP "status" with the API\'s error shape (and "message"); "retryAfter": seconds or an HTTP-date, "retryAfterDate": an HTTP-date that many seconds ahead',
    example: '{"kind":"submit","fault":{"type":"status","status":429,"retryAfter":2},"times":3}',
  },
  {
    type: "reset",
    kinds: ["submit", "poll", "download", "models", "logs", "billing"],
    what: "close the connection before answering (a submit creates no job)",
    example: '{"kind":"poll","fault":{"type":"reset"},"times":2}',
  },
  {
    type: "reset-after-accept",
    kinds: ["submit"],
    what: "create the job (it is paid for) and close the connection without answering",
    example: '{"kind":"submit","fault":{"type":"reset-after-accept"}}',
  },
  {
    type: "drop-after-headers",
    kinds: ["submit"],
    what: "create the job (it is paid for), send the status line and headers (x-inference-id included) and half the body, then close",
    example: '{"kind":"submit","fault":{"type":"drop-after-headers"},"probability":0.03}',
  },
  {
    type: "stall",
    kinds: ["submit", "poll", "download", "models", "logs", "billing"],
    what: "never answer; the connection stays open until the client gives up",
    example: '{"kind":"download","fault":{"type":"stall"}}',
  },
  {
    type: "malformed",
    kinds: ["submit", "poll", "models", "logs", "billing"],
    what: "answer 200 with a body that is not JSON (a submit still creates the job)",
    example: '{"kind":"poll","fault":{"type":"malformed"},"probability":0.1}',
  },
  {
    type: "unexpected",
    kinds: ["submit", "poll"],
    what: "answer 200 with JSON of the wrong shape (a submit still creates the job)",
    example: '{"kind":"submit","fault":{"type":"unexpected"}}',
  },
  {
    type: "truncate",
    kinds: ["download"],
    what: 'announce the full length but send only "bytes" (default: half) and close',
    example: '{"kind":"download","fault":{"type":"truncate","bytes":1000}}',
  },
  {
    type: "stall-body",
    kinds: ["download"],
    what: 'announce the full length, send only "bytes" (default: half), then nothing more (the socket stays open)',
    example: '{"kind":"download","fault":{"type":"stall-body","bytes":1000}}',
  },
  {
    type: "corrupt",
    kinds: ["download"],
    what: "answer 200 with bytes that are not an MP4",
    example: '{"kind":"download","fault":{"type":"corrupt"},"match":{"model":"google/veo-3.0-i2v-fast"}}',
  },
  {
    type: "job-error",
    kinds: ["submit", "poll"],
    what: 'the job ends in status "error" with this "name" and "message" (submit: when it would have completed; poll: from that poll on)',
    example: '{"kind":"submit","fault":{"type":"job-error","message":"prompt rejected"},"skip":1}',
  },
  {
    type: "never-finish",
    kinds: ["submit", "poll"],
    what: 'the job stays "generating" for ever (render\'s --shot-timeout ends the wait)',
    example: '{"kind":"submit","fault":{"type":"never-finish"}}',
  },
  {
    type: "forget",
    kinds: ["poll"],
    what: "answer 404 for a known id, as if the API had lost the generation",
    example: '{"kind":"poll","fault":{"type":"forget"},"times":"always","skip":2}',
  },
  {
    type: "delay",
    kinds: ["submit", "poll", "download", "models", "logs", "billing"],
    what: 'wait "ms" milliseconds, then answer normally',
    example: '{"kind":"poll","fault":{"type":"delay","ms":1500},"times":"always"}',
  },
  {
    type: "lag",
    kinds: ["logs"],
    what: 'leave out rows younger than "ms" milliseconds (the analytics pipeline behind the logs lagging)',
    example: '{"kind":"logs","fault":{"type":"lag","ms":60000},"times":"always"}',
  },
];

const WIDTH = 100;

/** The "Fault scripts" part of `sim --help`. */
export function faultScriptHelp(): string {
  const kindWidth = Math.max(...FAULT_KIND_DOCS.map((k) => k.kind.length));
  const kinds = FAULT_KIND_DOCS.map(
    (k, i) => `${i === 0 ? "  kind         " : "               "}${k.kind.padEnd(kindWidth)}  ${k.what}`,
  );
  const types = FAULT_TYPE_DOCS.flatMap((t) => [
    ...wrap(`${t.type} (${t.kinds.join(", ")}): ${t.what}`, "  ", "      "),
    `    ${t.example}`,
  ]);
  return [
    "Fault scripts (--faults): a JSON array of rules, inline or in a file. Each rule hits the requests",
    "of its kind that match, in order; a request takes the first rule that hits it.",
    '  {"kind": …, "fault": {"type": …}, "times": 1, "skip": 0, "probability": 0.5, "match": {…}}',
    ...kinds,
    '  times        how many matching requests it hits: a number (default 1) or "always"',
    '               (the default when "probability" is given)',
    "  skip         let this many matching requests through first",
    "  probability  hit each matching request with this chance, in (0, 1]",
    '  match        only requests for this "model", generation "id", or "route" ("universal", "vendor")',
    "",
    "Fault types, the requests they apply to, and an example rule of each:",
    ...types,
  ].join("\n");
}

/** `text` in lines of at most WIDTH characters: the first after `first`, the rest after `rest`. */
function wrap(text: string, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(" ")) {
    const start = line === first || line === rest;
    if (!start && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = rest;
    }
    line += line === first || line === rest ? word : ` ${word}`;
  }
  lines.push(line);
  return lines;
}
