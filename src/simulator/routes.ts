// Maps method + path to what a request is: submit, poll (universal or per-vendor route), a service route
// (catalogue, logs, billing), download, or other.
import type { ApiRoute } from "./generation-json.js";

export type ServiceKind = "models" | "logs" | "billing";

export type Route =
  | { kind: "submit" | "poll"; route: ApiRoute }
  | { kind: "models" }
  | { kind: "logs" }
  | { kind: "billing" }
  | { kind: "download"; fileKey: string }
  | { kind: "other" };

const SERVICE_PATHS: Readonly<Record<string, ServiceKind>> = {
  "/v1/models": "models",
  "/v2/logs": "logs",
  "/v2/billing": "billing",
};

const UNIVERSAL = "/v2/video/generations";
const VENDOR = /^\/v2\/generate\/video\/[^/]+\/generation$/;
const FILE = /^\/files\/([A-Za-z0-9-]+)\.mp4$/;

export function classify(method: string, pathname: string, origin: "api" | "download"): Route {
  const file = FILE.exec(pathname);
  if (file !== null && (method === "GET" || method === "HEAD"))
    return { kind: "download", fileKey: file[1] ?? "" };
  if (origin === "download") return { kind: "other" };
  const service = Object.hasOwn(SERVICE_PATHS, pathname) ? SERVICE_PATHS[pathname] : undefined;
  if (service !== undefined) return method === "GET" ? { kind: service } : { kind: "other" };
  const route: ApiRoute | null =
    pathname === UNIVERSAL ? "universal" : VENDOR.test(pathname) ? "vendor" : null;
  if (route === null) return { kind: "other" };
  if (method === "POST") return { kind: "submit", route };
  if (method === "GET") return { kind: "poll", route };
  return { kind: "other" };
}
