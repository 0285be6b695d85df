// A bad option or argument (E_USAGE, exit 2): its own file, so registering a command loads nothing else.
import { StoryreelError } from "../util/errors.js";

export class UsageError extends StoryreelError {
  constructor(message: string) {
    super("E_USAGE", message);
  }
}
