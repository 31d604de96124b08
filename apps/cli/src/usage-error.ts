/** A command line the CLI cannot act on (unknown option, missing argument); exits with code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The command whose usage to print, when known. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}
