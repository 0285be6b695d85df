// Checks the configured API base URL: https, or plain http only for loopback hosts (local simulators).
import { ConfigError } from "./errors.js";

export const DEFAULT_BASE_URL = "https://api.aimlapi.com";

export interface ApiEndpoint {
  /** scheme://host[:port] — the only origin that ever receives the API key. */
  origin: string;
  /** Path prefix (no trailing slash), "" for a bare host. */
  pathPrefix: string;
}

/** `name` is how the user set it (`--base-url`, `AIML_API_BASE`; the library's `baseUrl` by default), for the messages. */
export function parseBaseUrl(value: string, name = "baseUrl"): ApiEndpoint {
  let url: URL;
  try {
    url = new URL(value);
  } catch (cause) {
    throw new ConfigError(
      name,
      `${name} ${JSON.stringify(value)} is not a valid absolute URL (allowed: https://host[:port][/path], or http:// on a loopback host)`,
      {
        cause,
      },
    );
  }
  if (url.username !== "" || url.password !== "") {
    throw new ConfigError(
      name,
      `${name} must not contain user credentials; pass the API key as apiKey or AIML_API_KEY`,
    );
  }
  if (url.search !== "" || url.hash !== "") {
    throw new ConfigError(name, `${name} ${JSON.stringify(value)} must not have a query or fragment`);
  }
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    throw new ConfigError(
      name,
      `${name} ${JSON.stringify(value)} uses http; allowed: https, or http only for loopback hosts (127.0.0.0/8, ::1, localhost)`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(name, `${name} ${JSON.stringify(value)} uses ${url.protocol}; allowed: https`);
  }
  return { origin: url.origin, pathPrefix: url.pathname.replace(/\/+$/, "") };
}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === "localhost" || host === "[::1]") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
