import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The folder of the user-editable knowledge files. */
export const DEFAULT_KNOWLEDGE_DIR = path.resolve(__dirname, '../knowledge');

/** One knowledge file (ingest/knowledge/*.json), parsed; a broken file is named in the error. */
export function readKnowledgeFile<T>(dir: string, file: string): T {
  const full = path.join(dir, file);
  try {
    return JSON.parse(readFileSync(full, 'utf8')) as T;
  } catch (error) {
    throw new Error(`ingest/extract: knowledge file ${full}: ${(error as Error).message}`, { cause: error });
  }
}
