// Starts an http.Server on host:port and closes it promptly, destroying whatever sockets are still open.
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SimulatorConfigError } from "./errors.js";

export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  opts: { host: string; port: number },
): Promise<{ server: Server; origin: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) => reject(listenError(err, opts)));
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  return { server, origin: `http://${host}:${port}` };
}

/** A port in use or not ours to take is the user's configuration, not an internal error. */
function listenError(err: NodeJS.ErrnoException, opts: { host: string; port: number }): Error {
  const where = `${opts.host}:${opts.port}`;
  if (err.code === "EADDRINUSE") {
    return new SimulatorConfigError(
      `port ${opts.port} is already in use on ${where}; choose another with --port, or --port 0 for any free port`,
      { cause: err },
    );
  }
  if (err.code === "EACCES" || err.code === "EADDRNOTAVAIL") {
    return new SimulatorConfigError(
      `cannot listen on ${where} (${err.code}); choose another --port (1024-65535, or 0 for any free port)`,
      { cause: err },
    );
  }
  return err;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
