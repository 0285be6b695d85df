// The manifest as JSON in pieces, one shot at a time, so a 10,000-shot snapshot never exists as one string.

/**
 * Yields exactly `JSON.stringify(value, null, 2) + "\n"` for a plain object, in pieces: the top-level
 * members one by one, and the members of the array under `spread` element by element.
 */
export function* jsonChunks(value: Record<string, unknown>, spread: string): Generator<string> {
  const members = Object.entries(value).filter(([, v]) => isSerializable(v));
  if (members.length === 0) {
    yield "{}\n";
    return;
  }
  yield "{\n";
  for (let i = 0; i < members.length; i++) {
    const [key, member] = members[i]!;
    const prefix = `  ${JSON.stringify(key)}: `;
    if (key === spread && Array.isArray(member) && member.length > 0) {
      yield `${prefix}[\n`;
      for (let j = 0; j < member.length; j++) {
        const text = JSON.stringify(member[j], null, 2) ?? "null";
        yield `    ${indent(text, "    ")}${j < member.length - 1 ? "," : ""}\n`;
      }
      yield "  ]";
    } else {
      yield prefix + indent(JSON.stringify(member, null, 2), "  ");
    }
    yield i < members.length - 1 ? ",\n" : "\n";
  }
  yield "}\n";
}

/** What JSON.stringify keeps as an object member (it drops undefined, functions and symbols). */
function isSerializable(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

function indent(text: string, pad: string): string {
  return text.replace(/\n/g, `\n${pad}`);
}
