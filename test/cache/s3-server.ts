// A real S3-compatible server for the tests: s3rver on 127.0.0.1 (port 0), backed by a temp folder, requests counted.
import S3rver from "s3rver";
import type { IncomingMessage } from "node:http";

export interface S3TestServer {
  endpoint: string;
  /** The environment a cache needs to reach it: path-style endpoint, s3rver's own fake credentials. */
  env: Record<string, string>;
  /** Every request the server received: "METHOD /bucket/key…". */
  requests: string[];
  /** Runs `hook` on each request as it arrives (tests cut connections from here). */
  onRequest(hook: (req: IncomingMessage) => void): void;
  /** Drops every open connection at once and stops listening, as a crashed server would. */
  kill(): Promise<void>;
  close(): Promise<void>;
}

export const BUCKET = "clips";

/** s3rver's one account ("S3RVER"); it checks access key ids but not SigV4 signatures. */
export const S3RVER_KEY = "S3RVER";

export async function startS3Server(directory: string): Promise<S3TestServer> {
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  const requests: string[] = [];
  const hooks: ((req: IncomingMessage) => void)[] = [];
  server.httpServer.on("request", (req: IncomingMessage) => {
    requests.push(`${req.method} ${req.url}`);
    for (const hook of hooks) hook(req);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    server.httpServer.closeAllConnections();
    await server.close();
  };
  return {
    endpoint,
    env: {
      AWS_ENDPOINT_URL: endpoint,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: S3RVER_KEY,
      AWS_SECRET_ACCESS_KEY: S3RVER_KEY,
    },
    requests,
    onRequest: (hook) => hooks.push(hook),
    kill: close,
    close,
  };
}
