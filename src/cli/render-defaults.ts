// Commander's defaults for render's tuning options, apart from render itself so --help loads nothing heavy.
/** A rerun command repeats only values that differ from these. */
export const RENDER_DEFAULTS = { concurrency: "4", pollInterval: "2", shotTimeout: "1200" } as const;
