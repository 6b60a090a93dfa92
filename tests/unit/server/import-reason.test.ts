import { InputError } from '../../../ingest/errors';
import { importFailureReason } from '../../../server/services/import-reason';

describe('importFailureReason', () => {
  it('gives what is wrong and where, without the module, the file or the CLI advice', () => {
    const error = new InputError(
      'ingest/detect',
      'x.txt',
      'cannot detect the export format (not JSON)',
      null,
      'force one with --format',
    );
    expect(error.message).toBe(
      'ingest/detect: x.txt: cannot detect the export format (not JSON); force one with --format',
    );
    expect(importFailureReason(error, 'x.txt')).toBe('cannot detect the export format (not JSON)');
    expect(
      importFailureReason(
        new InputError('ingest/telegram-json', 'a.json', 'truncated JSON', 'line 7'),
        'a.json',
      ),
    ).toBe('truncated JSON, at line 7');
  });

  it('drops module prefixes and the file name from other errors', () => {
    expect(importFailureReason(new Error('ingest/load: a.json: the database is unavailable'), 'a.json')).toBe(
      'the database is unavailable',
    );
    expect(importFailureReason('worker exited with code 1', 'a.json')).toBe('worker exited with code 1');
  });
});
