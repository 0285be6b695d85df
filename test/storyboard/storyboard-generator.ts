// A small seeded generator of storyboard texts in many YAML spellings (shot references too), for the fast path's property test.

/** mulberry32: a tiny, fast, seedable PRNG (the same seed gives the same storyboards on every machine). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Pick {
  constructor(readonly random: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  one<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }
}

const WORDS = [
  "harbour",
  "dawn",
  "a",
  "slow",
  "dolly",
  "&",
  "*",
  "*bold*",
  "&amp",
  "#1",
  "50%",
  "x:y",
  "it's",
  '"quoted"',
  "café",
  "🌊",
  "-",
  "@home",
  "!",
  "?",
  "{brace}",
  "[list]",
  "a,b",
  "tab\there",
];
const MODELS = ["google/veo-3.1-t2v-fast", "google/veo-3.0-i2v-fast", "kling-video/v1.6/pro/text-to-video"];
const NUMBERS = ["4", "6", "8", "0x10", "0o7", "1e1", "-2", "+3", "4.0", ".5", "10", "007"];
const SCALARS = [
  "true",
  "false",
  "null",
  "~",
  "yes",
  "no",
  "on",
  "1_000",
  "2024-01-01",
  "0.1",
  "-.inf",
  ".nan",
];

/** A prose string: the kinds of characters prompts hold, including `&`, `*`, `#` and quotes. */
function prose(pick: Pick): string {
  return Array.from({ length: pick.int(1, 8) }, () => pick.one(WORDS)).join(" ");
}

/** `text` as a YAML value in one of several styles (plain where that is safe, quoted, or a block scalar). */
/** Lines after the first are indented relative to the key (the caller indents them to the key's column). */
function stringValue(pick: Pick, text: string): string {
  const style = pick.int(0, 4);
  if (style === 0) return JSON.stringify(text);
  if (style === 1) return `'${text.replaceAll("'", "''")}'`;
  if (style === 2) return `|\n  ${text.replaceAll("\t", " ")}`;
  if (style === 3) return `>-\n  ${text.replaceAll("\t", " ")}\n  more`;
  // Plain only when it cannot be mistaken for other syntax.
  return /^[A-Za-z][A-Za-z0-9 .,']*$/.test(text) && !/ #|: /.test(text) ? text : JSON.stringify(text);
}

const PICKS = ["last", "first", '"last"', "'first'", "0", "1.5", "0x2", "1e0", "4.0"];

/** A shot reference to an earlier shot's clip in one of its spellings: flow or block mapping, frame or not. */
function frameReference(pick: Pick, target: string): string {
  const key = pick.one(["first_frame", "last_frame"]);
  const shot = pick.chance(0.5) ? target : JSON.stringify(target);
  const frame = pick.chance(0.7) ? pick.one(PICKS) : null;
  if (pick.chance(0.5)) {
    const inner =
      frame === null
        ? `shot: ${shot}`
        : pick.chance(0.5)
          ? `shot: ${shot}, frame: ${frame}`
          : `frame: ${frame}, shot: ${shot}`;
    return `${key}: {${pick.one(["", " "])}${inner}${pick.one(["", " "])}}`;
  }
  const lines = [`${key}:`, `  shot: ${shot}`];
  if (frame !== null) lines.push(`  frame: ${frame}${pick.chance(0.3) ? " # the pick" : ""}`);
  return lines.join("\n");
}

export interface GeneratedStoryboard {
  text: string;
  /** Anchors, aliases or merge keys were written. */
  usesAliases: boolean;
  /** A shot's frame names another shot ({shot, frame}). */
  usesReferences: boolean;
}

/** One storyboard text: comments, quoting styles, block scalars, flow collections, anchors, aliases, merges, CRLF. */
export function generateStoryboard(random: () => number): GeneratedStoryboard {
  const pick = new Pick(random);
  const ind = pick.one(["  ", "    "]);
  const lines: string[] = [];
  const anchors: string[] = [];
  const mapAnchors: string[] = [];
  let usesAliases = false;
  let usesReferences = false;
  const comment = (): string => (pick.chance(0.2) ? `  # ${prose(pick).replaceAll("\n", " ")}` : "");

  if (pick.chance(0.3)) lines.push(`# ${prose(pick)}`);
  lines.push(`version: 1${comment()}`);
  if (pick.chance(0.5)) lines.push(`title: ${stringValue(pick, prose(pick))}`);
  if (pick.chance(0.4)) {
    const name = `m${pick.int(0, 99)}`;
    mapAnchors.push(name);
    usesAliases = true;
    lines.push(`x-${name}: &${name}`);
    lines.push(`${ind}model: ${pick.one(MODELS)}`);
    if (pick.chance(0.7)) lines.push(`${ind}duration: ${pick.one(NUMBERS)}`);
    if (pick.chance(0.5)) lines.push(`${ind}aspect_ratio: "16:9"`);
  }
  if (pick.chance(0.6)) {
    lines.push("defaults:");
    if (mapAnchors.length > 0 && pick.chance(0.5)) lines.push(`${ind}<<: *${pick.one(mapAnchors)}`);
    if (pick.chance(0.7)) {
      const anchor = pick.chance(0.3) ? `&d${pick.int(0, 9)} ` : "";
      if (anchor !== "") {
        anchors.push(anchor.trim().slice(1));
        usesAliases = true;
      }
      lines.push(`${ind}model: ${anchor}${pick.one(MODELS)}`);
    }
    if (pick.chance(0.5)) lines.push(`${ind}resolution: ${pick.one(["720p", "1080p", "'720p'"])}`);
    if (pick.chance(0.3)) lines.push(`${ind}params: { auto_fix: ${pick.one(SCALARS)} }`);
  }
  if (pick.chance(0.2)) lines.push("");
  lines.push(`shots:${pick.chance(0.2) ? " # the shots" : ""}`);
  const shots = pick.int(1, 6);
  const item = pick.one(["  ", "", "    "]);
  for (let i = 0; i < shots; i++) {
    if (pick.chance(0.2)) lines.push(`${item}# shot ${i}`);
    const keys: string[] = [];
    keys.push(`id: ${pick.chance(0.5) ? `s${i}` : JSON.stringify(`s${i}`)}`);
    if (mapAnchors.length > 0 && pick.chance(0.5)) {
      const many = mapAnchors.length > 1 && pick.chance(0.5);
      keys.push(
        `<<: ${many ? `[${mapAnchors.map((a) => `*${a}`).join(", ")}]` : `*${pick.one(mapAnchors)}`}`,
      );
    }
    const prompt = prose(pick);
    if (pick.chance(0.15)) {
      const name = `p${i}`;
      anchors.push(name);
      usesAliases = true;
      keys.push(`prompt: &${name} ${JSON.stringify(prompt)}`);
    } else if (anchors.length > 0 && pick.chance(0.2)) {
      usesAliases = true;
      keys.push(`prompt: *${pick.one(anchors)}`);
    } else {
      keys.push(`prompt: ${stringValue(pick, prompt)}`);
    }
    if (i > 0 && pick.chance(0.3)) {
      usesReferences = true;
      keys.push(frameReference(pick, `s${pick.int(0, i - 1)}`));
    }
    if (pick.chance(0.4)) keys.push(`duration: ${pick.one(NUMBERS)}`);
    if (pick.chance(0.2)) keys.push(`seed: ${pick.one(NUMBERS)}`);
    if (pick.chance(0.2))
      keys.push(`negative_prompt: ${pick.one([...SCALARS, JSON.stringify(prose(pick))])}`);
    if (pick.chance(0.2)) keys.push(`resolution: null`);
    if (pick.chance(0.25)) {
      const list = pick.chance(0.5) ? `[${pick.one(NUMBERS)}, ${pick.one(SCALARS)}]` : "[]";
      keys.push(
        `params: { cfg_scale: ${pick.one(NUMBERS)}, tags: ${list}, note: ${JSON.stringify(prose(pick))} }`,
      );
    }
    if (pick.chance(0.05) && mapAnchors.length > 0) {
      // A plain alias of a mapping: a shared collection, which the fast path leaves to the exact path.
      usesAliases = true;
      keys.push(`params: *${pick.one(mapAnchors)}`);
    }
    // Shuffle all but the first key (the item's first line carries the "- ").
    for (let k = keys.length - 1; k > 1; k--) {
      const j = 1 + Math.floor(random() * k);
      [keys[k], keys[j]] = [keys[j]!, keys[k]!];
    }
    const gap = pick.one([" ", " ", "   "]);
    const inner = item + " ".repeat(1 + gap.length);
    keys.forEach((key, k) => {
      const value = key.replaceAll("\n", `\n${inner}`);
      lines.push(k === 0 ? `${item}-${gap}${value}${comment()}` : `${inner}${value}`);
    });
    if (pick.chance(0.15)) lines.push("");
  }
  if (pick.chance(0.2)) lines.push(`output: renders/${pick.int(0, 9)}`);
  const eol = pick.chance(0.2) ? "\r\n" : "\n";
  return { text: lines.join(eol) + (pick.chance(0.8) ? eol : ""), usesAliases, usesReferences };
}
