// A redrawable terminal region built on listr2: one task whose title and output we set; drawn only on the
// given stream (never stdout) and erased synchronously on close, so what is printed next is never overdrawn.
import { DefaultRenderer, Listr, ListrLogger, ProcessOutput, Spinner } from "listr2";
import type { Writable } from "./reporter.js";

/** A terminal stream (process.stderr): listr2 swaps its `write` while the region is live. */
export interface LiveStream extends Writable {
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

export interface LiveRegion {
  /** Sets the region's title line and the lines under it (joined by "\n"; "" for none). */
  update(title: string, body: string): void;
  /** Stops drawing, erases the region and gives the stream back; synchronous and idempotent. */
  close(): void;
}

interface TaskHandle {
  title: string;
  output: string;
}

export function openLiveRegion(options: { stream: LiveStream; title: string }): LiveRegion {
  const { stream } = options;
  let title = options.title;
  let body = "";
  let task: TaskHandle | null = null;
  let renderer: { end(): void } | null = null;
  let closed = false;
  let finish = (): void => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const adopt = (created: { end(): void }): void => {
    renderer = created;
  };

  // listr2 calls render() asynchronously and end() when its tasks finish; we need end() *now* on close,
  // and must never draw again after it (listr2 redraws on every task state change).
  class RegionRenderer extends DefaultRenderer {
    // We decide about the terminal ourselves: listr2 looks at process.stdout.isTTY, but we draw on stderr.
    static override nonTTY = true;
    #phase: "starting" | "live" | "ended" = "starting";

    constructor(...args: ConstructorParameters<typeof DefaultRenderer>) {
      super(...args);
      adopt(this);
    }

    override async render(): Promise<void> {
      await super.render();
      if (this.#phase === "ended") super.end();
      else this.#phase = "live";
    }

    override update(): void {
      if (this.#phase === "live") super.update();
    }

    override end(): void {
      if (this.#phase === "live") super.end();
      this.#phase = "ended";
    }
  }

  // If the process exits while we draw (a second Ctrl-C), give the terminal back: erase, show the cursor,
  // and print what was written to the stream meanwhile (listr2 holds it back while the region is live).
  const onExit = (): void => renderer?.end();
  process.once("exit", onExit);

  // The same stream for listr2's "stdout" and "stderr": nothing of the region can reach process.stdout.
  const out = stream as unknown as NodeJS.WriteStream;
  const processOutput = new ProcessOutput(out, out, { dump: ["stdout", "stderr"], leaveEmptyLine: false });
  const list = new Listr(
    [
      {
        title,
        task: (_ctx, wrapper) => {
          task = wrapper;
          wrapper.title = title;
          wrapper.output = body;
          return done;
        },
        rendererOptions: { outputBar: true, persistentOutput: false },
      },
    ],
    {
      renderer: RegionRenderer,
      rendererOptions: {
        logger: new ListrLogger({ useIcons: true, processOutput }),
        spinner: new BackgroundSpinner(),
        clearOutput: true,
        formatOutput: "truncate",
        removeEmptyLines: true,
      },
      // Belt and braces: should this ever run off a terminal, draw nothing rather than lines on stdout.
      fallbackRenderer: "silent",
      fallbackRendererCondition: () => stream.isTTY !== true,
      registerSignalListeners: false,
      exitOnError: false,
    },
  );
  list.run().catch(() => undefined);

  return {
    update(nextTitle, nextBody) {
      if (closed) return;
      if (nextTitle !== title) {
        title = nextTitle;
        if (task) task.title = title;
      }
      if (nextBody !== body) {
        body = nextBody;
        if (task) task.output = body;
      }
    },
    close() {
      if (closed) return;
      closed = true;
      process.off("exit", onExit);
      renderer?.end();
      finish();
    },
  };
}

/** listr2's spinner, but its timer never keeps the process alive on its own. */
class BackgroundSpinner extends Spinner {
  #timer: ReturnType<typeof setInterval> | undefined;

  override start(cb?: () => void, interval = 100): void {
    this.#timer = setInterval(() => {
      this.spin();
      cb?.();
    }, interval);
    this.#timer.unref();
  }

  override stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  override isRunning(): boolean {
    return this.#timer !== undefined;
  }
}
