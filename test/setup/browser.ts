// vitest globalSetup: in CI (root, apt-get present) install Debian chromium for the report page test; never fails the suite.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const APT_GET = "/usr/bin/apt-get";
const log = (line: string): void => console.log(`[browser setup] ${line}`);

export default async function setup(): Promise<void> {
  if (existsSync(CHROMIUM)) return;
  const isRoot = process.getuid?.() === 0;
  if (process.env.CI !== "true" || !isRoot || !existsSync(APT_GET)) {
    log(`${CHROMIUM} not found; the report page test will be skipped (enable it: apt-get install chromium).`);
    return;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    log("CI without chromium: running apt-get update");
    await run(APT_GET, ["update"], { env, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
    log("running apt-get install -y --no-install-recommends chromium");
    await run(APT_GET, ["install", "-y", "--no-install-recommends", "chromium"], {
      env,
      timeout: 600_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    log(existsSync(CHROMIUM) ? `installed ${CHROMIUM}` : `apt-get finished but ${CHROMIUM} is still missing`);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
    log(`could not install chromium (${reason}); the report page test will be skipped.`);
  }
}
