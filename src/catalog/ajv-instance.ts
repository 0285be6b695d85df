// An ajv for request bodies, with formats ("uri" accepts data: URIs): the request profile of the shared schema compiler.
import type { Ajv, Logger } from "ajv";
import { createAjv } from "../util/schema-validator.js";

/**
 * strict: true turns every schema oddity into a compile error rather than a printed warning; the
 * documented schemas (with `nullable`, nested `description`, string defaults on integer fields) compile
 * cleanly under it -- a test compiles all of them. Defaults are annotations only: never applied or coerced.
 */
export function createRequestAjv(opts: { logger?: Logger | false } = {}): Ajv {
  return createAjv("request", opts.logger === undefined ? {} : { logger: opts.logger });
}
