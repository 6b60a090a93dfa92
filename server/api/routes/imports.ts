import { mkdirSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Router, type RequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { AppError, BadRequestError, TooLargeError } from '../../errors';
import type { ImportQueue } from '../../services/imports';
import { parseInput } from '../validation';

const SOURCE_FORMATS = ['tme-text', 'telegram-json', 'telegram-html', 'tme-html'] as const;
const importBody = z.object({
  format: z.enum(SOURCE_FORMATS, { error: `must be one of ${SOURCE_FORMATS.join(', ')}` }).optional(),
});
const idParam = z.object({ id: z.uuid({ error: 'must be an import id' }) });

/**
 * POST /api/imports takes one file (multipart field "file", at most maxUploadMb) into a temp file
 * and queues it for ingest; the answer (202) is its ImportStatus, to poll at GET /api/imports/{id}.
 */
export function importRoutes(queue: ImportQueue, maxUploadMb: number): Router {
  const uploadDir = path.join(os.tmpdir(), 'ml-graph-imports');
  mkdirSync(uploadDir, { recursive: true });
  const upload = multer({
    // Keep the extension: format detection looks at it (.json, .html, .txt).
    storage: multer.diskStorage({
      destination: uploadDir,
      filename: (_req, file, done) => {
        const ext = path.extname(file.originalname).toLowerCase();
        done(null, `${randomUUID()}${/^\.[a-z0-9]{1,8}$/.test(ext) ? ext : ''}`);
      },
    }),
    limits: { fileSize: maxUploadMb * 1024 * 1024, files: 1, fields: 5 },
    // Browsers send file names as raw UTF-8 without a charset; latin1 (the default) garbled
    // "канал.json" into "ÐºÐ°Ð½Ð°Ð».json".
    defParamCharset: 'utf8',
  });
  const router = Router();

  router.post('/imports', readUpload(upload.single('file'), maxUploadMb), (req, res) => {
    if (!req.file)
      throw new BadRequestError('expected a multipart upload with the export in field "file"', 'file');
    let format: z.output<typeof importBody>['format'];
    try {
      format = parseInput(importBody, req.body).format;
    } catch (error) {
      rmSync(req.file.path, { force: true });
      throw error;
    }
    const status = queue.enqueue(req.file.path, req.file.originalname || 'upload', format);
    res.status(202).json(status);
  });

  router.get('/imports/:id', (req, res) => {
    const { id } = parseInput(idParam, req.params);
    res.json(queue.get(id));
  });

  return router;
}

/**
 * The upload middleware with its errors made plain: a file over the limit is 413 naming the limit;
 * a body that is not a well-formed multipart form (busboy's "Unexpected end of form", "Malformed
 * part header", a missing boundary: plain Errors) is 400, not 500. System errors (disk full:
 * they carry an errno code) stay 500.
 */
function readUpload(upload: RequestHandler, maxUploadMb: number): RequestHandler {
  return (req, res, next) => {
    upload(req, res, (error?: unknown) => {
      if (!error || error instanceof AppError) return next(error);
      if (error instanceof multer.MulterError) {
        if (error.code === 'LIMIT_FILE_SIZE') {
          return next(
            new TooLargeError(
              `api/imports: the file is larger than the limit of ${maxUploadMb} MB (MAX_UPLOAD_MB)`,
            ),
          );
        }
        return next(error);
      }
      const systemError = typeof (error as { errno?: unknown }).errno === 'number';
      if (systemError || !(error instanceof Error)) return next(error);
      next(
        new BadRequestError(`not a well-formed multipart upload (${error.message})`, 'file', 'api/imports'),
      );
    });
  };
}
