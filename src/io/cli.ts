/**
 * How every command under scripts/ starts and ends:
 *
 *   if (import.meta.main) runCommand(main, { usage: USAGE });
 *
 * `import.meta.main` (Node 22.18 and later) is true only when the file is the one Node was
 * asked to run, so a test can import the module without running it. `main` gets the arguments
 * after the script's name; its result is the exit code (0 when it returns nothing). An error
 * prints `error: <message>`, then the usage when the command has one, and exits 1; `onError`
 * lets a command answer its own errors first (the importer: bad input 1, usage 2, a bug 70).
 */
export interface CommandOptions {
  /** Printed after the message of an error, e.g. the command's usage line. */
  usage?: string;
  /** Print the error's stack rather than its message (for commands whose errors are bugs). */
  stack?: boolean;
  /** Print what a known error means and return the exit code; undefined for the default. */
  onError?: (error: unknown) => number | undefined;
}

export function runCommand(main: (argv: string[]) => Promise<number | void>, options: CommandOptions = {}): void {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== undefined) process.exitCode = code;
    },
    (error: unknown) => {
      const known = options.onError?.(error);
      if (known !== undefined) {
        process.exitCode = known;
        return;
      }
      const text = error instanceof Error ? ((options.stack ? error.stack : undefined) ?? error.message) : String(error);
      process.stderr.write(`error: ${text}\n${options.usage ? `\n${options.usage}\n` : ''}`);
      process.exitCode = 1;
    },
  );
}
