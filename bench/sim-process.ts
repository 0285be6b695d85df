// Starts bench/sim-server.ts as a child process (node --import tsx) and talks to it over IPC.
import { fork } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Clock } from "../src/util/clock.js";
import type { SimHandle, SimFactory } from "./sim-handle.js";
import type { ChildMessage, SimSnapshot } from "./sim-protocol.js";

const SERVER = fileURLToPath(new URL("./sim-server.ts", import.meta.url));
const START_TIMEOUT_MS = 30_000;
const CLOCK_PINGS = 15;

/** The simulator in its own process; `clock` must be the bench's clock (system clock: performance.now). */
export function childProcessSim(clock: Clock): SimFactory {
  return async (spec) => {
    const child = fork(SERVER, [JSON.stringify(spec)], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const channel = new Channel(child);
    const url = await channel.ready();
    const handle: SimHandle = {
      kind: "child-process",
      url,
      snapshot: async () => {
        const answer = await channel.ask("stats");
        if (answer.type !== "stats") throw new Error(`simulator child answered ${answer.type} to stats`);
        return answer.snapshot satisfies SimSnapshot;
      },
      clockOffset: async () => {
        let best = { offsetMs: 0, uncertaintyMs: Infinity };
        for (let i = 0; i < CLOCK_PINGS; i++) {
          const sent = clock.now();
          const answer = await channel.ask("now");
          const received = clock.now();
          if (answer.type !== "now") throw new Error(`simulator child answered ${answer.type} to now`);
          const half = (received - sent) / 2;
          if (half < best.uncertaintyMs) best = { offsetMs: answer.now - (sent + half), uncertaintyMs: half };
        }
        return best;
      },
      close: async () => {
        if (child.connected) await channel.ask("close");
        await channel.exited;
      },
    };
    return handle;
  };
}

type Pending = { resolve: (m: ChildMessage) => void; reject: (err: Error) => void };

class Channel {
  readonly exited: Promise<void>;
  readonly #child: ChildProcess;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #ready: Pending | null = null;

  constructor(child: ChildProcess) {
    this.#child = child;
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    child.on("message", (message: ChildMessage) => this.#receive(message));
    child.once("exit", (code) => this.#failAll(new Error(`simulator child exited (code ${code})`)));
  }

  ready(): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#child.kill();
        reject(new Error(`simulator child did not start within ${START_TIMEOUT_MS} ms`));
      }, START_TIMEOUT_MS);
      this.#ready = {
        resolve: (m) => {
          clearTimeout(timer);
          if (m.type === "ready") resolve(m.url);
          else
            reject(new Error(`simulator child failed to start: ${m.type === "failed" ? m.message : m.type}`));
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
    });
  }

  ask(type: "now" | "stats" | "close"): Promise<ChildMessage> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#child.send({ id, type });
    });
  }

  #receive(message: ChildMessage): void {
    if (!("id" in message)) {
      this.#ready?.resolve(message);
      this.#ready = null;
      return;
    }
    const pending = this.#pending.get(message.id);
    this.#pending.delete(message.id);
    pending?.resolve(message);
  }

  #failAll(err: Error): void {
    this.#ready?.reject(err);
    this.#ready = null;
    for (const pending of this.#pending.values()) pending.reject(err);
    this.#pending.clear();
  }
}
