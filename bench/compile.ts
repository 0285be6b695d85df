// Compiles the orchestrator worker (and the src/ it imports) to plain JS, so it runs without the tsx loader.
// Under tsx, Node's module hooks run a second V8 isolate (+~60 MB RSS), which would swamp the peak-RSS figure.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const REPO = fileURLToPath(new URL("..", import.meta.url));

export interface CompiledWorker {
  /** The compiled orchestrator-worker.js, to start with plain `node`. */
  entry: string;
  buildMs: number;
  cleanup(): Promise<void>;
}

export async function compileWorker(): Promise<CompiledWorker> {
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), "storyreel-bench-build-"));
  try {
    const tsconfig = join(dir, "tsconfig.json");
    await writeFile(
      tsconfig,
      JSON.stringify({
        extends: join(REPO, "tsconfig.json"),
        compilerOptions: {
          rootDir: REPO,
          outDir: dir,
          noEmit: false,
          noCheck: true,
          declaration: false,
          sourceMap: false,
          incremental: false,
          types: [],
        },
        files: [join(REPO, "bench", "orchestrator-worker.ts")],
        include: [],
      }),
    );
    const tsc = join(
      dirname(createRequire(import.meta.url).resolve("typescript/package.json")),
      "bin",
      "tsc",
    );
    await run(process.execPath, [tsc, "-p", tsconfig], { cwd: REPO });
    // What the compiled modules read beside themselves: package.json ("type": "module"), schemas, the catalog
    // (data/), node_modules, and the validators the build precompiled (dist/validators; without them ajv compiles).
    for (const name of ["package.json", "schemas", "data", "node_modules"]) {
      await symlink(join(REPO, name), join(dir, name));
    }
    await mkdir(join(dir, "dist"), { recursive: true });
    await symlink(join(REPO, "dist", "validators"), join(dir, "dist", "validators")).catch(() => undefined);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    entry: join(dir, "bench", "orchestrator-worker.js"),
    buildMs: performance.now() - started,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
