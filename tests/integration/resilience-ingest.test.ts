/**
 * Hostile and malformed exports through the real pipeline (ingestFiles → Neo4j) and the CLI: each
 * is refused with a message naming the file and what is wrong, writes nothing, and crashes nothing.
 * Hostile content that is valid (markup and Cypher in post text, BOM, \xNN escapes) is stored as
 * plain text and executes nothing. Fixtures: tests/fixtures/hostile/ (README.md lists them); the
 * big ones (over the size limit, a 1 MB+ post) are generated here instead of committed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { InputError } from '../../ingest/errors';
import { ingestFiles } from '../../ingest/pipeline';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_POST_CHARS } from '../../ingest/parse';
import { clearGraph, counts, testDatabaseEnv, testDriver } from './support/db';

// The project's testTimeout does not reach hooks when jest runs one project; the JVM is slow on a busy machine.
jest.setTimeout(120_000);

const HOSTILE = path.resolve(__dirname, '../fixtures/hostile');
const ROOT = path.resolve(__dirname, '../..');

/** Each refused fixture and a pattern its message must match, besides naming the file. */
const REFUSED: [file: string, what: RegExp][] = [
  ['truncated.json', /truncated JSON/],
  ['binary.json', /binary data/],
  ['wrong-shape.json', /not a Telegram Desktop export/],
  ['top-level-array.json', /not a Telegram Desktop export/],
  ['top-level-null.json', /cannot detect the export format/],
  ['empty.json', /empty/],
  ['whitespace-only.json', /empty/],
  ['deeply-nested.json', /nested deeper than \d+ levels/],
  ['invalid-utf8.json', /invalid UTF-8 at byte \d+/],
  ['messages-not-array.json', /no messages array/],
  ['messages-wrong-field-types.json', /message #1.*"id"/],
  ['other-site.html', /cannot detect the export format/],
  ['zip-renamed.json', /binary data/],
  ['gzip-renamed.json', /binary data/],
  ['png-renamed.json', /binary data/],
  ['pdf-renamed.html', /invalid UTF-8/],
  ['utf16le.json', /binary data/],
  ['utf16be-no-bom.json', /binary data/],
  ['trailing-comma.json', /invalid JSON/],
  ['nan-values.json', /invalid JSON/],
  ['json-lines.json', /invalid JSON/],
  // Exports without posts: almost always the wrong file or the wrong chat (ingest/parse/no-posts.ts).
  ['no-messages.json', /the export has no messages/],
  ['only-service-messages.json', /its only message has no text: 1 service message/],
  ['telegram-html-no-messages.html', /no message blocks/],
];

let driver: Driver;
let generated: string;

beforeAll(async () => {
  driver = testDriver();
  await clearGraph(driver);
  // A small valid channel first, so "nothing written" is checked against a graph that has content.
  await ingestFiles(driver, [path.join(HOSTILE, 'accepted-bom.json')]);
  generated = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-hostile-'));
});

afterAll(async () => {
  await driver?.close();
  if (generated) fs.rmSync(generated, { recursive: true, force: true });
});

async function expectRefusedWithoutWrites(file: string, what: RegExp): Promise<void> {
  const before = await counts(driver);
  const error = await ingestFiles(driver, [file]).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  const message = (error as Error).message;
  expect(message).toContain(path.basename(file));
  expect(message).toMatch(what);
  expect(await counts(driver)).toEqual(before);
}

describe('malformed and hostile exports through ingestFiles', () => {
  it('the corpus has at least 20 refused inputs, all present', () => {
    expect(REFUSED.length).toBeGreaterThanOrEqual(20);
    for (const [file] of REFUSED) expect(fs.existsSync(path.join(HOSTILE, file))).toBe(true);
  });

  it.each(REFUSED)(
    '%s is refused with a message naming the file and the problem, writing nothing',
    async (file, what) => {
      await expectRefusedWithoutWrites(path.join(HOSTILE, file), what);
    },
  );

  it('a file over the size limit is refused before it is read, writing nothing', async () => {
    const giant = path.join(generated, 'giant.json');
    // Sparse: the size is what is checked, so no need to write 64 MB.
    fs.writeFileSync(giant, '{"messages":[');
    fs.truncateSync(giant, DEFAULT_MAX_FILE_BYTES + 1);
    await expectRefusedWithoutWrites(giant, /over the limit/);
  });

  it('a post with more than 1 MB of text is refused, writing nothing', async () => {
    const file = path.join(generated, 'huge-post.json');
    const text = 'OpenAI released a model. '.repeat(Math.ceil((DEFAULT_MAX_POST_CHARS + 10) / 25));
    fs.writeFileSync(
      file,
      JSON.stringify({
        name: 'Huge',
        type: 'public_channel',
        id: 7,
        messages: [{ id: 1, type: 'message', date: '2024-01-01T00:00:00', text }],
      }),
    );
    await expectRefusedWithoutWrites(file, /over the limit of \d+ \(maxPostChars\)/);
  });

  it('a bad file anywhere in a list writes nothing from the good files before it', async () => {
    const before = await counts(driver);
    await expect(
      ingestFiles(driver, [
        path.join(HOSTILE, 'accepted-xnn-escapes.json'),
        path.join(HOSTILE, 'truncated.json'),
      ]),
    ).rejects.toThrow(/truncated\.json/);
    expect(await counts(driver)).toEqual(before);
  });
});

describe('hostile content that is valid input', () => {
  it('markup and Cypher in post text and channel title are stored verbatim and execute nothing', async () => {
    const file = path.join(HOSTILE, 'accepted-markup-and-cypher-injection.json');
    const summary = await ingestFiles(driver, [file]);
    expect(summary.posts).toBe(2);
    const { records } = await driver.executeQuery(
      'MATCH (p:Post) WHERE p.text CONTAINS $needle RETURN p.text AS text',
      { needle: 'DETACH DELETE' },
    );
    expect(records).toHaveLength(1);
    expect(String(records[0].get('text'))).toContain('"}) MATCH (n) DETACH DELETE n //');
    // The graph still holds what was there before (the injection deleted nothing).
    const channels = await driver.executeQuery('MATCH (c:Channel) RETURN count(c) AS n');
    expect(Number(channels.records[0].get('n'))).toBeGreaterThanOrEqual(2);
    // A javascript: link is not turned into a repository or any other entity.
    const scripted = await driver.executeQuery(
      "MATCH (e:Entity) WHERE toLower(coalesce(e.url, '')) STARTS WITH 'javascript:' RETURN count(e) AS n",
    );
    expect(Number(scripted.records[0].get('n'))).toBe(0);
  });

  it.each(['accepted-bom.json', 'accepted-xnn-escapes.json', 'accepted-control-chars.json'])(
    '%s is read, and ingesting it twice changes nothing the second time',
    async (file) => {
      await ingestFiles(driver, [path.join(HOSTILE, file)]);
      const once = await counts(driver);
      await ingestFiles(driver, [path.join(HOSTILE, file)]);
      expect(await counts(driver)).toEqual(once);
    },
  );

  it('an \\xNN escape is repaired into the character it stands for', async () => {
    await ingestFiles(driver, [path.join(HOSTILE, 'accepted-xnn-escapes.json')]);
    const { records } = await driver.executeQuery(
      "MATCH (p:Post) WHERE p.text CONTAINS 'OpenAI AI released' RETURN count(p) AS n",
    );
    expect(Number(records[0].get('n'))).toBe(1);
  });
});

describe('the ingest CLI on hostile input', () => {
  const cases: [string, RegExp][] = [
    ['truncated.json', /truncated JSON/],
    ['binary.json', /binary data/],
    ['zip-renamed.json', /binary data/],
    ['messages-not-array.json', /no messages array/],
    ['no-messages.json', /the export has no messages/],
  ];
  it.each(cases)(
    '%s: exit code 1, the problem on stderr, no stack trace, nothing written',
    async (file, what) => {
      const before = await counts(driver);
      const env = testDatabaseEnv();
      const result = spawnSync(
        path.join(ROOT, 'node_modules/.bin/tsx'),
        ['ingest/cli/ingest.ts', path.join(HOSTILE, file)],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: {
            ...process.env,
            NEO4J_URI: env.uri,
            NEO4J_USER: env.user,
            NEO4J_PASSWORD: env.password,
            DEBUG: '',
          },
          timeout: 90_000,
        },
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(file);
      expect(result.stderr).toMatch(what);
      expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(await counts(driver)).toEqual(before);
    },
  );
});
