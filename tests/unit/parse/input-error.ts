import { InputError } from '../../../ingest/errors';

/** The InputError thrown by fn (the test fails if nothing or something else is thrown). */
export function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError, nothing was thrown');
}
