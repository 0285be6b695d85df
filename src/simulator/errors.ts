// Typed error for a bad simulator configuration (options, fault scripts, latency specs).
import { StoryreelError } from "../util/errors.js";

export class SimulatorConfigError extends StoryreelError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_SIM_CONFIG", message, options);
  }
}
