// The fault script is documented where users look: every kind and type in `sim --help` and the README, with
// an example rule of each that the simulator's own parser accepts.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { FAULT_KIND_DOCS, FAULT_TYPE_DOCS } from "../../src/cli/sim-faults-help.js";
import { parseFaultScript } from "../../src/simulator/index.js";
import { FAULT_KINDS } from "../../src/simulator/fault-types.js";
import { runMainWith } from "../helpers/main-io.js";

const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");
const simulatorSection = readme.slice(readme.indexOf("## The simulator"), readme.indexOf("## Development"));

describe("fault script docs", () => {
  it("document every fault type with exactly the requests it applies to, and every request kind", () => {
    const documented = Object.fromEntries(FAULT_TYPE_DOCS.map((d) => [d.type, [...d.kinds]]));
    expect(documented).toEqual(Object.fromEntries(Object.entries(FAULT_KINDS).map(([t, k]) => [t, [...k]])));
    const kinds = new Set(Object.values(FAULT_KINDS).flat());
    expect(new Set(FAULT_KIND_DOCS.map((k) => k.kind))).toEqual(kinds);
  });

  it.each(FAULT_TYPE_DOCS.map((d) => [d.type, d] as const))(
    "the example of %s is a rule the simulator accepts, of that type",
    (_type, doc) => {
      const [rule] = parseFaultScript(`[${doc.example}]`);
      expect(rule?.fault.type).toBe(doc.type);
      expect(doc.kinds).toContain(rule?.kind);
    },
  );

  it("sim --help and the README's simulator section show every type with its example", async () => {
    const help = await runMainWith(["sim", "--help"]);
    expect(help.code).toBe(0);
    for (const doc of FAULT_TYPE_DOCS) {
      expect(help.stdout).toContain(`  ${doc.type} (${doc.kinds.join(", ")}): `);
      expect(help.stdout).toContain(`    ${doc.example}\n`);
      expect(simulatorSection).toContain(`| \`${doc.type}\``);
      expect(simulatorSection).toContain(`\`${doc.example}\``);
    }
    const lines = help.stdout.split("\n");
    for (const kind of FAULT_KIND_DOCS) {
      expect(lines.some((l) => l.includes(` ${kind.kind} `) && l.endsWith(`  ${kind.what}`))).toBe(true);
      expect(simulatorSection).toContain(`\`${kind.kind}\` (${kind.what})`);
    }
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(110);
  });
});
