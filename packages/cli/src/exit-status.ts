/**
 * Ends a command with exit code `code` after it has printed its own outcome (e.g. `vigia audit verify`
 * finding a broken chain: the report is the output, the code tells scripts it failed). `main` returns
 * the code and prints nothing more.
 */
export class ExitStatus extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = 'ExitStatus';
  }
}
