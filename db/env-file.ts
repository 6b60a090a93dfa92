import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Reads `.env` from the working directory when there is one (see .env.example). Variables already
 * set in the environment win: Node's loader never overrides them, so `PORT=4000 npm start` works.
 */
export function loadEnvFileIfPresent(file = path.resolve(process.cwd(), '.env')): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
