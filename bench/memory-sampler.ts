// Samples this process's memory every 20 ms: peak RSS, and peak JS heap and off-heap buffers to explain it.

export interface MemoryPeaks {
  rssBytes: number;
  heapUsedBytes: number;
  /** Off-heap memory: Buffers, ArrayBuffers, native objects (process.memoryUsage().external). */
  externalBytes: number;
}

export interface MemorySampler {
  peaks(): MemoryPeaks;
  stop(): void;
}

export function startMemorySampler(intervalMs = 20): MemorySampler {
  const peaks: MemoryPeaks = { rssBytes: 0, heapUsedBytes: 0, externalBytes: 0 };
  const sample = (): void => {
    const usage = process.memoryUsage();
    peaks.rssBytes = Math.max(peaks.rssBytes, usage.rss);
    peaks.heapUsedBytes = Math.max(peaks.heapUsedBytes, usage.heapUsed);
    peaks.externalBytes = Math.max(peaks.externalBytes, usage.external);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    peaks: () => {
      sample();
      return { ...peaks };
    },
    stop: () => clearInterval(timer),
  };
}
