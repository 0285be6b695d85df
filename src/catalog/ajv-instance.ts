// The one Ajv instance for request bodies, created on first use, with formats ("uri" accepts data: URIs).
import { Ajv, type Logger, type Options } from "ajv";
import addFormatsModule from "ajv-formats";

const addFormats = addFormatsModule.default;

/**
 * strict: true turns every schema oddity into a compile error rather than a printed warning; the
 * documented schemas (with `nullable`, nested `description`, string defaults on integer fields) compile
 * cleanly under it -- a test compiles all of them. Defaults are annotations only: never applied or coerced.
 */
export function createRequestAjv(opts: { logger?: Logger | false } = {}): Ajv {
  const options: Options = {
    strict: true,
    allErrors: true,
    verbose: true,
    useDefaults: false,
    coerceTypes: false,
    logger: opts.logger ?? false,
  };
  const ajv = new Ajv(options);
  addFormats(ajv);
  return ajv;
}

let shared: Ajv | undefined;

export function requestAjv(): Ajv {
  shared ??= createRequestAjv();
  return shared;
}
