// The S3 client's settings from the standard AWS environment: endpoint, region, credentials (never printed).
import { CacheConfigError } from "./errors.js";

type Env = Readonly<Record<string, string | undefined>>;

export interface S3Settings {
  region: string;
  /** A custom endpoint (MinIO, R2, a test server), with path-style addressing; absent: AWS S3. */
  endpoint: string | null;
  forcePathStyle: boolean;
  /** Static credentials from the environment; null: the SDK's default chain (profile, SSO, instance role…). */
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | null;
}

/**
 * AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL (path-style when set); AWS_REGION, else AWS_DEFAULT_REGION, else
 * us-east-1 (S3 redirects to a bucket's own region); AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN),
 * else the SDK's default chain (AWS_PROFILE, ~/.aws/config and credentials, SSO, instance roles).
 * Throws CacheConfigError E_CACHE_CONFIG for an endpoint that is not an http(s) URL.
 */
export function s3SettingsFromEnv(env: Env): S3Settings {
  const endpointSetting = env.AWS_ENDPOINT_URL_S3?.trim() ? "AWS_ENDPOINT_URL_S3" : "AWS_ENDPOINT_URL";
  const endpointRaw = env[endpointSetting]?.trim() || null;
  let endpoint: string | null = null;
  if (endpointRaw !== null) {
    let url: URL | null = null;
    try {
      url = new URL(endpointRaw);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password) {
      throw new CacheConfigError(
        "E_CACHE_CONFIG",
        `${endpointSetting}: ${JSON.stringify(url && (url.username || url.password) ? "(a URL with credentials)" : endpointRaw)} is not allowed (an http:// or https:// URL without credentials, e.g. http://127.0.0.1:9000)`,
      );
    }
    endpoint = url.toString().replace(/\/$/, "");
  }
  const region = env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || "us-east-1";
  const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
  const sessionToken = env.AWS_SESSION_TOKEN?.trim();
  return {
    region,
    endpoint,
    forcePathStyle: endpoint !== null,
    credentials:
      accessKeyId && secretAccessKey
        ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) }
        : null,
  };
}
