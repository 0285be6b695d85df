// An undici Agent with the stock connector, watched: every TCP connect attempt and its outcome is reported.
import { Agent, buildConnector } from "undici";

export interface ConnectAttempt {
  host: string;
  port: string;
  /** The error code when connecting failed (e.g. "ECONNREFUSED"), else null. */
  error: string | null;
}

export function watchedAgent(onAttempt: (attempt: ConnectAttempt) => void): Agent {
  const connector = buildConnector({});
  return new Agent({
    connect(options, callback) {
      connector(options, (...args) => {
        const [err] = args;
        const code = err ? String((err as NodeJS.ErrnoException).code ?? err.name) : null;
        onAttempt({ host: options.hostname, port: options.port, error: code });
        callback(...args);
      });
    },
  });
}
