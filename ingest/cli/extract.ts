import { InputError } from '../errors';
import { extract } from '../extract';
import type { SourceFormat } from '../model';
import { parseFile, SUPPORTED_FORMATS } from '../parse';

/**
 * `npm run extract -- FILE [--format F]`: prints the extraction JSON of one export to stdout.
 * Bad input: a message naming the file and the place on stderr, exit 1.
 */

const USAGE = 'usage: npm run extract -- FILE [--format tme-text|telegram-json|telegram-html|tme-html]';

function parseArgs(argv: string[]): { file: string; format?: SourceFormat } {
  let file: string | undefined;
  let format: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format') format = argv[++i];
    else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`ingest/cli/extract: unknown option ${a}\n${USAGE}`);
    else if (!file) file = a;
    else throw new Error(`ingest/cli/extract: only one file at a time (got ${file} and ${a})\n${USAGE}`);
  }
  if (!file) throw new Error(`ingest/cli/extract: no input file\n${USAGE}`);
  if (format !== undefined && !(SUPPORTED_FORMATS as readonly string[]).includes(format))
    throw new Error(
      `ingest/cli/extract: unknown format "${format}" (known: ${SUPPORTED_FORMATS.join(', ')})`,
    );
  return { file, format: format as SourceFormat | undefined };
}

async function main(): Promise<void> {
  const { file, format } = parseArgs(process.argv.slice(2));
  const parsed = await parseFile(file, format ? { format } : {});
  for (const w of parsed.warnings) console.error(`warning: ${w}`);
  process.stdout.write(JSON.stringify(extract(parsed), null, 2) + '\n');
}

main().catch((error: unknown) => {
  const message = error instanceof InputError || error instanceof Error ? error.message : String(error);
  console.error(message);
  process.exit(1);
});
