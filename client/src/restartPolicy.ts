/**
 * When the language server goes away, the client starts it again: at most
 * `maxRestarts` times within `windowMs` (VS Code's own default, made explicit
 * here), then it stops and says so. A restarted server reads the workspace
 * from disk again and the client sends it the open documents (didOpen), so the
 * editor's state comes back. Pure, so it is tested without an editor.
 */
export class RestartPolicy {
  private readonly closes: number[] = [];

  constructor(
    readonly maxRestarts = 4,
    readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The connection closed: restart, or give up with a message for the user. */
  closed(): { restart: true } | { restart: false; message: string } {
    const now = this.now();
    this.closes.push(now);
    while (this.closes.length > 0 && now - this.closes[0] > this.windowMs) this.closes.shift();
    if (this.closes.length <= this.maxRestarts) return { restart: true };
    return {
      restart: false,
      message: `The archframe language server stopped ${this.closes.length} times in the last ${Math.round(this.windowMs / 60000)} minutes and will not be restarted. The 'archframe' output channel holds its log; reload the window to start it again.`,
    };
  }

  /** A read or write on the connection failed: carry on for the first few, then shut the connection down. */
  error(count: number | undefined): 'continue' | 'shutdown' {
    return count !== undefined && count > 3 ? 'shutdown' : 'continue';
  }
}
