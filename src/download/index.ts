// Public API of the download stage: stream a clip into the output folder, verified.
export { downloadClip } from "./download.js";
export type { DownloadOptions, DownloadResult } from "./download.js";
export { DownloadError } from "./errors.js";
export type { DownloadErrorCode } from "./errors.js";
export { verifyClip } from "./verify.js";
export type { ClipExpectation } from "./verify.js";
export {
  checkDownloadUrl,
  isLoopbackHost,
  isLocalAddress,
  isLocalHostname,
  policyForApi,
} from "./url-policy.js";
export type { DownloadPolicy } from "./url-policy.js";
export type { HostLookup } from "./guarded-agent.js";
