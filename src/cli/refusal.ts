// How every command ends on a refusal (bad input, a folder it will not touch): one error line, exit 2, and with --json a JSON error on stdout.
import { isRefusal } from "../commands/shared/output-errors.js";
import type { StoryreelError } from "../util/errors.js";
import type { CliIo } from "./io.js";

/** What `unlessRefused` returns when the work was refused: the command exits 2. */
export const REFUSED: unique symbol = Symbol("refused");

/**
 * Runs `work`; a refusal (by default the output folder's refusal codes: see isRefusal) is written as
 * `error: <message>` on stderr — and, with `json`, as `{"error": {"code", "message"}}` on stdout so a script
 * reading stdout always gets one JSON document — and becomes REFUSED. Anything else is thrown on.
 */
export async function unlessRefused<T>(
  io: CliIo,
  options: { json?: boolean | undefined; refused?: (err: unknown) => err is StoryreelError },
  work: () => Promise<T>,
): Promise<T | typeof REFUSED> {
  try {
    return await work();
  } catch (err) {
    if (!(options.refused ?? isRefusal)(err)) throw err;
    io.stderr.write(`error: ${err.message}\n`);
    if (options.json) {
      io.stdout.write(`${JSON.stringify({ error: { code: err.code, message: err.message } }, null, 2)}\n`);
    }
    return REFUSED;
  }
}
