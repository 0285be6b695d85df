// Serves finished clips under /files/<key>.mp4 (GET and HEAD, with Content-Length), or redirects to the download origin.
import { createReadStream } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimContext } from "./context.js";
import type { Fault } from "./fault-types.js";
import { resetConnection } from "./http-io.js";
import { jobStatus } from "./job.js";
import type { ClipSource, RenderState } from "./job.js";
import { sendStatusFault } from "./status-fault.js";

const NOT_AN_MP4 = Buffer.from(
  "<html><body><h1>403 Forbidden</h1><p>Request has expired</p></body></html>\n",
);

export async function handleDownload(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  call: { origin: "api" | "download"; path: string; fileKey: string },
): Promise<void> {
  const job = ctx.jobsByFile.get(call.fileKey);
  const clip =
    job !== undefined && jobStatus(job, ctx.clock.now()) === "completed" ? clipOf(job.render) : null;
  const separate = ctx.separateDownloadOrigin || ctx.downloadRedirect;
  if (clip === null || job === undefined || (call.origin === "api" && separate && !ctx.downloadRedirect)) {
    sendText(res, 404, "404 Not Found\n");
    return;
  }
  if (call.origin === "api" && ctx.downloadRedirect) {
    res.writeHead(302, { location: `${ctx.urls.download}${call.path}`, "content-length": "0" });
    res.end();
    return;
  }
  let fault = ctx.faults.take("download", { model: job.model, id: job.id });
  if (fault?.type === "delay") {
    await ctx.clock.sleep(fault.ms, ctx.closing);
    fault = undefined;
  }
  serveClip(ctx, req, res, { clip, fault, path: call.path });
}

function serveClip(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  call: { clip: ClipSource; fault: Fault | undefined; path: string },
): void {
  const { clip, fault } = call;
  const size = clip.kind === "buffer" ? clip.bytes.length : clip.size;
  switch (fault?.type) {
    case "status":
      sendStatusFault(ctx, res, fault, { path: call.path, json: false });
      return;
    case "reset":
      resetConnection(req);
      return;
    case "stall":
      return;
    case "corrupt":
      res.writeHead(200, { "content-type": "video/mp4", "content-length": String(NOT_AN_MP4.length) });
      res.end(req.method === "HEAD" ? undefined : NOT_AN_MP4);
      return;
    default:
      break;
  }
  res.writeHead(200, { "content-type": "video/mp4", "content-length": String(size) });
  if (req.method === "HEAD") {
    res.end();
  } else if (fault?.type === "stall-body") {
    // Half a clip on the wire and then silence: the client's temporary file stays partial until it gives up.
    const sent = Math.min(fault.bytes ?? Math.floor(size / 2), Math.max(0, size - 1));
    readPrefix(clip, sent).then(
      (bytes) => res.write(bytes),
      () => resetConnection(req),
    );
  } else if (fault?.type === "truncate") {
    const sent = Math.min(fault.bytes ?? Math.floor(size / 2), Math.max(0, size - 1));
    readPrefix(clip, sent).then(
      (bytes) => res.write(bytes, () => resetConnection(req)),
      () => resetConnection(req),
    );
  } else if (clip.kind === "buffer") {
    res.end(clip.bytes);
  } else {
    createReadStream(clip.path)
      .on("error", () => resetConnection(req))
      .pipe(res);
  }
}

function clipOf(render: RenderState): ClipSource | null {
  return render.state === "done" ? render.clip : null;
}

async function readPrefix(clip: ClipSource, bytes: number): Promise<Buffer> {
  if (clip.kind === "buffer") return clip.bytes.subarray(0, bytes);
  const chunks: Buffer[] = [];
  if (bytes === 0) return Buffer.alloc(0);
  for await (const chunk of createReadStream(clip.path, { start: 0, end: bytes - 1 }))
    chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain", "content-length": String(Buffer.byteLength(text)) });
  res.end(text);
}
