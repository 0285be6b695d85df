// `storyreel validate <file...>`: problems to stderr (or JSON to stdout), exit 2 if any file has one.
import { validate } from "../commands/validate.js";
import { formatDiagnostic } from "../storyboard/index.js";
import type { CliIo } from "./io.js";
import { fromCwd } from "./paths.js";

export async function validateCommand(
  files: string[],
  flags: { json?: boolean },
  io: CliIo,
): Promise<number> {
  const result = await validate({ files: files.map((f) => fromCwd(io, f)) });
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result.valid ? 0 : 2;
  }
  for (const file of result.files) {
    if (file.valid) {
      io.stdout.write(`${file.file}: ok\n`);
      continue;
    }
    for (const d of file.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
    const n = file.diagnostics.length;
    io.stderr.write(`${file.file}: ${n} problem${n === 1 ? "" : "s"}\n`);
  }
  return result.valid ? 0 : 2;
}
