// The "uri" format of request schemas, kept cheap: a scheme, then no whitespace (frames are https: URLs or long data: URIs).

/**
 * What the API's "uri" fields need: an absolute URI (`scheme:` then anything without whitespace or control
 * characters). Deliberately no full RFC 3986 grammar: its regular expression costs ~10 ms to compile at every
 * start and scans multi-megabyte data: URIs slowly, for no finding the API would not make itself.
 * Self-contained (no closure): the build writes its source into the precompiled validators.
 */
export function isUri(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\p{Cc}]*$/u.test(value);
}
