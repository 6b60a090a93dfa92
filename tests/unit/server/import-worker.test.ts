/**
 * The import worker's protocol (server/services/import-worker): progress, then the prepared
 * exports or the error with its file and line; cancellation terminates the thread; a worker that
 * dies rejects instead of leaving the import hanging.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../../../ingest/errors';
import type { IngestProgress } from '../../../ingest/pipeline';
import {
  fromWorkerError,
  ImportCancelledError,
  prepareInWorker,
} from '../../../server/services/import-worker/prepare-in-worker';
import { toWorkerError } from '../../../server/services/import-worker/worker';

jest.setTimeout(120_000);

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const SMALL = path.join(FIXTURES, 'graph/upload-small.result.json');

describe('prepareInWorker', () => {
  it('posts progress and answers with the prepared export', async () => {
    const progress: IngestProgress[] = [];
    const prepared = await prepareInWorker({ files: [SMALL] }, { onProgress: (p) => progress.push(p) });
    expect(prepared).toHaveLength(1);
    expect(prepared[0].source).toBe(SMALL);
    expect(prepared[0].plan.posts.length).toBeGreaterThan(0);
    expect(progress).toEqual([{ phase: 'parse', done: 1, total: 1, source: SMALL }]);
  });

  it('rejects with the InputError of a bad file, naming the file and the line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-worker-'));
    const file = path.join(dir, 'канал.json');
    fs.writeFileSync(file, '{\n  "name": "x",\n  "messages": [\n    {"id": 1,');
    try {
      const error = await prepareInWorker({ files: [file] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      const input = error as InputError;
      expect(input.file).toBe(file);
      expect(input.where).toMatch(/^line \d+$/);
      expect(input.message).toContain(`${file}: line`);
      expect(input.message).toContain('truncated JSON');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops a worker that is busy when cancelled', async () => {
    const controller = new AbortController();
    const progress: IngestProgress[] = [];
    const running = prepareInWorker(
      { files: ['ignored'] },
      {
        signal: controller.signal,
        workerFile: path.join(__dirname, 'import-worker/never-ends.ts'),
        onProgress: (p) => {
          progress.push(p);
          controller.abort();
        },
      },
    );
    await expect(running).rejects.toBeInstanceOf(ImportCancelledError);
    expect(progress).toHaveLength(1);
  });

  it('refuses at once when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(prepareInWorker({ files: [SMALL] }, { signal: controller.signal })).rejects.toBeInstanceOf(
      ImportCancelledError,
    );
  });

  it('rejects when the worker dies before answering', async () => {
    const running = prepareInWorker(
      { files: [SMALL] },
      { workerFile: path.join(__dirname, 'import-worker/crashes.ts') },
    );
    await expect(running).rejects.toThrow('the worker broke while loading');
  });
});

describe('errors across the thread boundary', () => {
  it('keeps an InputError an InputError, with its fields and message', () => {
    const original = new InputError('ingest/parse', 'a.json', 'truncated JSON', 'line 3');
    const rebuilt = fromWorkerError(structuredClone(toWorkerError(original)));
    expect(rebuilt).toBeInstanceOf(InputError);
    expect(rebuilt.message).toBe(original.message);
    expect((rebuilt as InputError).where).toBe('line 3');
  });

  it('keeps the name and message of other errors', () => {
    const rebuilt = fromWorkerError(structuredClone(toWorkerError(new RangeError('too big'))));
    expect(rebuilt.name).toBe('RangeError');
    expect(rebuilt.message).toBe('too big');
    expect(fromWorkerError(toWorkerError('plain text')).message).toBe('plain text');
  });
});
