import type { ApiError } from './api/contract';

export type ErrorCode = ApiError['error']['code'];

/**
 * The one family of errors the API knows how to answer. Each kind carries its HTTP status, so the
 * error middleware (server/api/middleware/errors.ts) is the only place that turns errors into responses.
 * Messages are shown to the client: they say what and where, and never carry credentials.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  /** `parameter` names the offending request parameter; the message reads "<origin>: <parameter>: <message>". */
  constructor(
    message: string,
    readonly parameter?: string,
    origin?: string,
  ) {
    super('bad_request', 400, [origin, parameter, message].filter(Boolean).join(': '));
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super('not_found', 404, message);
  }
}

export class UnavailableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('unavailable', 503, message, options);
  }
}

export class TimeoutError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('timeout', 504, message, options);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('forbidden', 401, message);
  }
}

/** A request the server refuses for where it comes from (another site, an unknown Host name). */
export class RefusedOriginError extends AppError {
  constructor(message: string) {
    super('forbidden', 403, message);
  }
}

export class TooLargeError extends AppError {
  constructor(message: string) {
    super('too_large', 413, message);
  }
}
