// A real node:http server on 127.0.0.1 for download tests: each request is answered by the next scripted handler
// (binary-safe, unlike scripted-server's text steps), and every request is recorded with its headers.
import { createServer } from "node:http";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface ClipRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export type ClipHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface ClipServer {
  readonly url: string;
  readonly port: number;
  readonly requests: ClipRequest[];
  /** Handlers used once each, in order; when they run out, `otherwise` (default: 404). */
  script(handlers: ClipHandler[], otherwise?: ClipHandler): void;
  close(): Promise<void>;
}

/** 200 with the bytes and a correct Content-Length. */
export const bytes =
  (body: Buffer): ClipHandler =>
  (_req, res) => {
    res.writeHead(200, { "content-type": "video/mp4", "content-length": String(body.length) });
    res.end(body);
  };

/** 200 in chunked transfer encoding (no Content-Length), written in `parts` pieces. */
export const chunked =
  (body: Buffer, parts = 4): ClipHandler =>
  (_req, res) => {
    res.writeHead(200, { "content-type": "video/mp4" });
    const size = Math.ceil(body.length / parts);
    for (let i = 0; i < body.length; i += size) res.write(body.subarray(i, i + size));
    res.end();
  };

/** Announces the full Content-Length, sends only `sent` bytes, then closes the connection (FIN). */
export const short =
  (body: Buffer, sent: number): ClipHandler =>
  (_req, res) => {
    res.writeHead(200, { "content-type": "video/mp4", "content-length": String(body.length) });
    res.write(body.subarray(0, sent), () => res.socket?.end());
  };

/** Announces the full Content-Length, sends `sent` bytes, then waits for `release` before sending the rest. */
export const held =
  (body: Buffer, sent: number, release: Promise<void>): ClipHandler =>
  (_req, res) => {
    res.writeHead(200, { "content-type": "video/mp4", "content-length": String(body.length) });
    res.write(body.subarray(0, sent));
    void release.then(() => {
      if (!res.destroyed) res.end(body.subarray(sent));
    });
  };

export const status =
  (code: number, headers: Record<string, string> = {}): ClipHandler =>
  (_req, res) => {
    res.writeHead(code, { "content-type": "text/plain", ...headers });
    res.end(`HTTP ${code}\n`);
  };

export const redirect =
  (location: string, code = 302): ClipHandler =>
  (_req, res) => {
    res.writeHead(code, { location, "content-length": "0" });
    res.end();
  };

export async function startClipServer(host = "127.0.0.1"): Promise<ClipServer> {
  const requests: ClipRequest[] = [];
  const sockets = new Set<Socket>();
  let queue: ClipHandler[] = [];
  let fallback: ClipHandler = status(404);
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    req.resume();
    (queue.shift() ?? fallback)(req, res);
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    script(handlers, otherwise) {
      queue = [...handlers];
      if (otherwise) fallback = otherwise;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
