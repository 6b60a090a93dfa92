import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import type { ApiError } from '../contract';
import type { SupervisionStatus } from '../../../db/supervisor';
import { AppError, BadRequestError, NotFoundError, TooLargeError, UnavailableError } from '../../errors';
import { translateDriverError } from '../../repositories/driver-errors';
import { ExportInputError } from '../../export';

/** Errors from libraries, turned into AppErrors by kind (never by message text). */
function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const translated = translateDriverError(error, 'api');
  if (translated instanceof AppError) return translated;
  if (error instanceof ExportInputError) return new BadRequestError(error.message);
  if (error instanceof multer.MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE')
      return new TooLargeError(`api/imports: ${error.message.toLowerCase()}`);
    return new BadRequestError(`api/imports: ${error.message}`, error.field);
  }
  const http = error as { type?: string; status?: number };
  if (http?.type === 'entity.too.large') {
    const limit = (error as { limit?: number }).limit;
    const shown = typeof limit === 'number' ? ` (the limit is ${Math.round(limit / 1024)} KiB)` : '';
    return new TooLargeError(`api: request body is too large${shown}`);
  }
  if (http?.type === 'entity.parse.failed') return new BadRequestError('api: request body is not valid JSON');
  if (typeof http?.status === 'number' && http.status >= 400 && http.status < 500) {
    return new BadRequestError(`api: ${(error as Error).message ?? 'bad request'}`);
  }
  return null;
}

/** What the error handler asks of the embedded database's supervisor, when there is one. */
export interface SupervisionView {
  status(): SupervisionStatus;
}

/** Seconds a client should wait before it retries while the database restarts. */
const RESTART_RETRY_AFTER_S = 5;

/**
 * "The database is unreachable" while the supervisor restarts it says the wrong thing: every endpoint
 * says what /api/health says, that it is restarting, and when to come back.
 */
function duringRestart(appError: AppError, supervision: SupervisionView | null): AppError {
  if (appError.code !== 'unavailable' || !supervision) return appError;
  const status = supervision.status();
  if (status.state !== 'restarting') return appError;
  const origin = appError.message.split(':')[0];
  return new UnavailableError(
    `${origin}: the database is restarting after it stopped (attempt ${status.attempt}); retry in a moment`,
    { cause: appError },
  );
}

/** The one place where errors become HTTP responses: { error: { code, message } }. */
export function errorHandlerFor(supervision: SupervisionView | null): ErrorRequestHandler {
  return (error, req, res, _next) => handleError(error, req, res, supervision);
}

function handleError(error: unknown, req: Request, res: Response, supervision: SupervisionView | null): void {
  const found = toAppError(error);
  if (res.headersSent) {
    res.end();
    return;
  }
  if (found) {
    const appError = duringRestart(found, supervision);
    if (appError !== found) res.set('Retry-After', String(RESTART_RETRY_AFTER_S));
    const body: ApiError = { error: { code: appError.code, message: appError.message } };
    res.status(appError.status).json(body);
    return;
  }
  console.error(`api: ${req.method} ${req.path}: unexpected error`, error);
  const body: ApiError = { error: { code: 'internal', message: 'api: internal error; see the server log' } };
  res.status(500).json(body);
}

/** Unknown /api paths answer 404 in the API's error shape (not the SPA's index.html). */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`api: no route ${req.method} ${req.originalUrl.split('?')[0]}`));
};
