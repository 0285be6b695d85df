// No FileHandle of the manifest stage is left for the garbage collector to close (DEP0137), even when a store is abandoned.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const MANIFEST = fileURLToPath(new URL("../../src/manifest/index.ts", import.meta.url));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "storyreel-handles-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A child that records a paid id, drops the store without close() (as a run that threw does), then collects garbage. */
const SCRIPT = `
import { ManifestStore } from ${JSON.stringify(MANIFEST)};
const outDir = process.argv[1];
const shot = (id) => ({ id, status: "pending", model: "m", input_hash: "a".repeat(64), generation_id: null,
  submitted_at: null, completed_at: null, polls: 0, request: {}, video_url: null, clip: null,
  credits_used: null, error: null });
let store = await ManifestStore.open({ outDir, manifest: { version: 1, storyboard: { path: "s.yaml",
  sha256: "b".repeat(64) }, started_at: new Date().toISOString(), finished_at: null, shots: [shot("s0")] } });
await store.recordSubmission("s0", { generation_id: "gen-0", submitted_at: new Date().toISOString(),
  input_hash: "a".repeat(64) });
store = null;
for (let i = 0; i < 5; i++) { globalThis.gc(); await new Promise((r) => setTimeout(r, 20)); }
`;

it("an abandoned store's journal leaves no file handle open for GC to close", async () => {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--expose-gc", "--input-type=module", "-e", SCRIPT, dir],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(stderr).not.toMatch(/DEP0137|Closing file descriptor/);
  expect(code).toBe(0);
  expect(await readFile(join(dir, "manifest.journal"), "utf8")).toContain('"generation_id":"gen-0"');
});
