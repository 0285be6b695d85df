// Removes the API key from any text that came back from the server before it can reach an error message.
export const REDACTED = "[REDACTED]";

export type Redactor = (text: string) => string;

export function createRedactor(secret: string): Redactor {
  if (secret === "") return (text) => text;
  return (text) => text.split(secret).join(REDACTED);
}
