/** Command-line flags shared by the benchmarks: --quick, and integer options with defaults. */
import { parseArgs } from 'node:util';

export interface BenchArgs {
  quick: boolean;
  /** Integer options as given (undefined when absent). */
  ints: Record<string, number | undefined>;
  strings: Record<string, string | undefined>;
}

export function readBenchArgs(
  script: string,
  intNames: string[],
  stringNames: string[] = [],
  argv = process.argv.slice(2),
): BenchArgs {
  const options: Record<string, { type: 'string' | 'boolean' }> = { quick: { type: 'boolean' } };
  for (const name of [...intNames, ...stringNames]) options[name] = { type: 'string' };
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: argv, options, allowPositionals: false }).values as typeof values;
  } catch (error) {
    fail(script, (error as Error).message);
  }
  const ints: Record<string, number | undefined> = {};
  for (const name of intNames) {
    const raw = values[name];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0)
      fail(script, `--${name} must be a positive integer, got "${String(raw)}"`);
    ints[name] = n;
  }
  const strings: Record<string, string | undefined> = {};
  for (const name of stringNames) strings[name] = values[name] as string | undefined;
  return { quick: values.quick === true, ints, strings };
}

function fail(script: string, message: string): never {
  console.error(`${script}: ${message}`);
  process.exit(1);
}
