// HTML escaping: every piece of text from a manifest goes through here, so a prompt can never become markup.
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text safe inside element content and inside double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * A relative URL for a clip path: each segment percent-encoded and "./" in front, so neither a scheme
 * (javascript:) nor a network path (//host) can come out of a manifest.
 */
export function relativeHref(relPath: string): string {
  const encoded = relPath
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
  return `./${encoded}`;
}
