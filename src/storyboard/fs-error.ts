// Short human wording for file system errors, chosen by their `code` (never by message text).

const WORDING: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "is a directory",
  ENOTDIR: "a parent is not a directory",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "name too long",
};

export function describeFsError(err: unknown): string {
  const code =
    err && typeof err === "object" && "code" in err && typeof err.code === "string" ? err.code : null;
  if (code) return WORDING[code] ?? code;
  return err instanceof Error ? err.message : String(err);
}
