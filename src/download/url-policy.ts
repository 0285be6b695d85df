// Where clips may come from: https anywhere, plain http only from this machine (the simulator, tests).
import { DownloadError } from "./errors.js";

export function checkDownloadUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (err) {
    throw new DownloadError("E_DOWNLOAD_URL", `video url ${JSON.stringify(raw)} is not a valid URL`, {
      cause: err,
    });
  }
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return url;
  throw new DownloadError(
    "E_DOWNLOAD_URL",
    `refusing to download ${url.protocol}//${url.host}: only https URLs are allowed (plain http only for loopback hosts)`,
  );
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}
