// Removes the API key from any text that came back from the server before it can reach an error message.
export const REDACTED = "[REDACTED]";

export type Redactor = (text: string) => string;

export function createRedactor(secret: string): Redactor {
  if (secret === "") return (text) => text;
  return (text) => text.split(secret).join(REDACTED);
}

/** A parsed JSON answer with the redactor applied to every string in it, object keys included. */
export function redactJson(value: unknown, redact: Redactor): unknown {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, redact));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redact(key), redactJson(item, redact)]),
    );
  }
  return value;
}
