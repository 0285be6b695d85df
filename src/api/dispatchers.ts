// Owns the connections to the API origin: keep-alive for polls, a never-reused connection per submit.
import { Pool, type Dispatcher } from "undici";

const POLL_CONNECTIONS = 32;
const SUBMIT_CONNECTIONS = 16;

export interface DispatcherSet {
  forPoll(): Dispatcher;
  forSubmit(): Dispatcher;
  /** True when submits must ask undici to close their connection afterwards (own submit pool only). */
  readonly resetAfterSubmit: boolean;
  close(): Promise<void>;
}

/**
 * With an injected dispatcher everything goes through it and the caller owns its lifetime. Otherwise two pools
 * for the one API origin are created lazily: polls reuse keep-alive connections; every submit goes out on a fresh
 * connection that is closed after the answer, so a POST can never land on a stale keep-alive socket the server is
 * closing (that race would surface as a reset and make the submit's outcome unknown for no reason).
 */
export function createDispatcherSet(
  origin: string,
  injected: Dispatcher | undefined,
  options: { connectTimeoutMs: number },
): DispatcherSet {
  if (injected !== undefined) {
    return {
      forPoll: () => injected,
      forSubmit: () => injected,
      resetAfterSubmit: false,
      close: () => Promise.resolve(),
    };
  }
  let polls: Pool | undefined;
  let submits: Pool | undefined;
  return {
    // Bounded pools: requests beyond the limit wait in undici's queue instead of each opening a connection
    // (with its own parser memory) — hundreds of generations in flight need only a few dozen sockets.
    forPoll: () =>
      (polls ??= new Pool(origin, {
        connectTimeout: options.connectTimeoutMs,
        connections: POLL_CONNECTIONS,
      })),
    forSubmit: () =>
      (submits ??= new Pool(origin, {
        connectTimeout: options.connectTimeoutMs,
        connections: SUBMIT_CONNECTIONS,
      })),
    resetAfterSubmit: true,
    close: async () => {
      const open = [polls, submits].filter((pool): pool is Pool => pool !== undefined);
      polls = undefined;
      submits = undefined;
      await Promise.all(open.map((pool) => pool.close()));
    },
  };
}
