/**
 * Bad input is reported with what is wrong and where: the origin module, the file, and the
 * message id or line. Message format: "<origin>: <file>[: message N | : line N]: <what>[; <hint>]".
 * `hint` is advice for the command line ("force one with --format"): the message keeps it for the
 * CLI, while the explorer shows `what` and `where` alone (server/services/import-reason.ts).
 */
export class InputError extends Error {
  constructor(
    readonly origin: string,
    readonly file: string,
    readonly what: string,
    readonly where: string | null = null,
    readonly hint: string | null = null,
  ) {
    super(`${origin}: ${file}${where ? `: ${where}` : ''}: ${what}${hint ? `; ${hint}` : ''}`);
    this.name = 'InputError';
  }
}
