// A real node:http server on 127.0.0.1 whose answers follow a per-route script of steps, recording every request.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path plus query, as sent. */
  url: string;
  pathname: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
  /** performance.now() when the request head arrived. */
  at: number;
  /** Which TCP connection carried it (1, 2, … in accept order). */
  connection: number;
}

export type Step =
  | { kind: "json"; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: "raw"; status: number; body: string; headers?: Record<string, string> }
  /** Destroy the socket as soon as the request head arrives, before reading the body. */
  | { kind: "reset" }
  /** Read the whole request, then destroy the socket without answering. */
  | { kind: "reset-after-body" }
  /** Read the request and never answer (the socket is destroyed on close()). */
  | { kind: "stall" }
  /** Read the request, wait `ms`, then carry out `then`. */
  | { kind: "delay"; ms: number; then: Step };

export type StepSource = Step | ((request: RecordedRequest) => Step);

export const json = (status: number, body: unknown, headers?: Record<string, string>): Step => ({
  kind: "json",
  status,
  body,
  ...(headers === undefined ? {} : { headers }),
});

/** An API-style error answer, optionally with Retry-After (seconds or an HTTP-date string). */
export const status = (code: number, body: unknown, options: { retryAfter?: number | string } = {}): Step =>
  json(
    code,
    body,
    options.retryAfter === undefined ? undefined : { "retry-after": String(options.retryAfter) },
  );

export const raw = (code: number, body: string, headers?: Record<string, string>): Step => ({
  kind: "raw",
  status: code,
  body,
  ...(headers === undefined ? {} : { headers }),
});

export const reset = (): Step => ({ kind: "reset" });
export const resetAfterBody = (): Step => ({ kind: "reset-after-body" });
export const stall = (): Step => ({ kind: "stall" });
export const delay = (ms: number, then: Step): Step => ({ kind: "delay", ms, then });

export interface ScriptedServer {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /**
   * Queue steps for a route ("GET /v2/video/generations"). Steps are used once each, in order; when they run out,
   * `otherwise` answers (default: HTTP 418 "script exhausted", which no client retries).
   */
  script(route: string, steps: StepSource[], options?: { otherwise?: StepSource }): void;
  /** Requests to one route ("POST /path"), in arrival order. */
  requestsTo(route: string): RecordedRequest[];
  /** Resolves once at least `count` requests have arrived in total. */
  waitForRequests(count: number): Promise<void>;
  close(): Promise<void>;
}

interface Route {
  steps: StepSource[];
  otherwise: StepSource | undefined;
}

/** `port` 0 (default) picks a free port; a fixed port lets a test bring a server up where a client already points. */
export async function startScriptedServer(options: { port?: number } = {}): Promise<ScriptedServer> {
  const routes = new Map<string, Route>();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const waiters: { count: number; resolve: () => void }[] = [];
  const connectionIds = new WeakMap<Socket, number>();
  let connections = 0;

  const nextStep = (route: string, request: RecordedRequest): Step => {
    const entry = routes.get(route);
    const source = entry?.steps.shift() ?? entry?.otherwise;
    if (source === undefined) return json(418, { message: `scripted server: script for ${route} exhausted` });
    return typeof source === "function" ? source(request) : source;
  };

  const record = (request: RecordedRequest): void => {
    requests.push(request);
    for (const waiter of waiters.splice(0)) {
      if (requests.length >= waiter.count) waiter.resolve();
      else waiters.push(waiter);
    }
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const at = performance.now();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const base = {
      method: req.method ?? "",
      url: req.url ?? "",
      pathname: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      at,
      connection: connectionIds.get(req.socket) ?? 0,
    };
    const route = `${base.method} ${base.pathname}`;
    // `reset` is decided on the head alone, before any body byte is read.
    const peek = routes.get(route)?.steps[0];
    if (peek !== undefined && typeof peek !== "function" && peek.kind === "reset") {
      routes.get(route)?.steps.shift();
      record({ ...base, body: "" });
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request: RecordedRequest = { ...base, body: Buffer.concat(chunks).toString("utf8") };
      record(request);
      answer(nextStep(route, request), req, res, timers);
    });
  });
  server.on("connection", (socket: Socket) => {
    connectionIds.set(socket, ++connections);
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    script(route, steps, options = {}) {
      routes.set(route, { steps: [...steps], otherwise: options.otherwise });
    },
    requestsTo(route) {
      return requests.filter((r) => `${r.method} ${r.pathname}` === route);
    },
    waitForRequests(count) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

function answer(step: Step, req: IncomingMessage, res: ServerResponse, timers: Set<NodeJS.Timeout>): void {
  switch (step.kind) {
    case "json":
      res.writeHead(step.status, { "content-type": "application/json", ...step.headers });
      res.end(JSON.stringify(step.body));
      return;
    case "raw":
      res.writeHead(step.status, { "content-type": "text/plain", ...step.headers });
      res.end(step.body);
      return;
    case "reset":
    case "reset-after-body":
      req.socket.destroy();
      return;
    case "stall":
      return;
    case "delay": {
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer(step.then, req, res, timers);
      }, step.ms);
      timers.add(timer);
      return;
    }
  }
}
