/**
 * Bad input is reported with what is wrong and where: the origin module, the file, and the
 * message id or line. Message format: "<origin>: <file>[: message N | : line N]: <what>".
 */
export class InputError extends Error {
  constructor(
    readonly origin: string,
    readonly file: string,
    readonly what: string,
    readonly where: string | null = null,
  ) {
    super(`${origin}: ${file}${where ? `: ${where}` : ''}: ${what}`);
    this.name = 'InputError';
  }
}
