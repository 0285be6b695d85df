// Where the API key and base URL come from: explicit options, then the environment. Never echoes the key.
import { DEFAULT_BASE_URL, parseBaseUrl } from "../../api/index.js";
import { StoryreelError } from "../../util/errors.js";

export interface ApiConfigSource {
  apiKey?: string;
  baseUrl?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

export interface ApiConfig {
  apiKey: string;
  baseUrl: string;
}

/** Resolves and checks the key and the base URL, so a bad one is refused before anything is written. */
export function resolveApiConfig(source: ApiConfigSource): ApiConfig {
  const env = source.env ?? process.env;
  const apiKey = (source.apiKey ?? env.AIML_API_KEY ?? env.AIMLAPI_KEY ?? "").trim();
  if (apiKey === "") {
    throw new StoryreelError(
      "E_NO_API_KEY",
      "no API key: set AIML_API_KEY (or AIMLAPI_KEY) to your AIML API key, or add --sim to render on the built-in simulator",
    );
  }
  const from =
    source.baseUrl !== undefined ? "--base-url" : env.AIML_API_BASE !== undefined ? "AIML_API_BASE" : null;
  const baseUrl = (source.baseUrl ?? env.AIML_API_BASE ?? DEFAULT_BASE_URL).trim();
  parseBaseUrl(baseUrl, from ?? "baseUrl");
  return { apiKey, baseUrl };
}
