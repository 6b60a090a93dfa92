import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { generateChannel } from '../../bench/generate-channel';
import { InputError } from '../../ingest/errors';
import { ingestDemoIfEmpty } from '../../ingest/demo/load-demo';
import { ingestFiles } from '../../ingest/pipeline';
import { clearGraph, counts, testDriver } from './support/db';

// testTimeout in a jest project entry is not applied (it is a global option): set it here.
jest.setTimeout(120_000);

let driver: Driver;
let dir: string;
let channelFile: string;
let brokenFile: string;

beforeAll(() => {
  driver = testDriver();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-files-'));
  channelFile = path.join(dir, 'synthetic-20.result.json');
  fs.writeFileSync(channelFile, JSON.stringify(generateChannel({ posts: 20 })));
  brokenFile = path.join(dir, 'truncated.result.json');
  fs.writeFileSync(brokenFile, JSON.stringify(generateChannel({ posts: 3 })).slice(0, 500));
});
afterAll(async () => {
  await driver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await clearGraph(driver);
});

async function postCount(): Promise<number> {
  const { records } = await driver.executeQuery('MATCH (p:Post) RETURN count(p) AS n');
  return records[0].get('n').toNumber();
}

describe('ingestFiles', () => {
  it('parses, extracts and loads an export, and a second run changes nothing', async () => {
    const summary = await ingestFiles(driver, [channelFile]);
    expect(summary).toMatchObject({ posts: 20, dryRun: false });
    expect(summary.entities).toBeGreaterThan(0);
    expect(summary.exports).toEqual([
      { source: channelFile, channel: expect.any(String), posts: 20, warnings: [] },
    ]);
    expect(await postCount()).toBe(20);
    const after = await counts(driver);
    await ingestFiles(driver, [channelFile]);
    expect(await counts(driver)).toEqual(after);
  });

  it('writes nothing when any file of the list is bad, and names that file', async () => {
    await ingestFiles(driver, [channelFile]);
    const before = await counts(driver);
    await clearGraph(driver);
    const failure = ingestFiles(driver, [channelFile, brokenFile]);
    await expect(failure).rejects.toThrow(InputError);
    await expect(ingestFiles(driver, [channelFile, brokenFile])).rejects.toThrow(brokenFile);
    expect(await counts(driver)).toEqual({ nodes: 0, relationships: 0 });
    // And on a graph that had data, nothing changes either.
    await ingestFiles(driver, [channelFile]);
    await expect(ingestFiles(driver, [brokenFile])).rejects.toThrow(InputError);
    expect(await counts(driver)).toEqual(before);
  });

  it('in a dry run reports what would be written without a database', async () => {
    const summary = await ingestFiles(null, [channelFile], { dryRun: true });
    expect(summary).toMatchObject({ posts: 20, dryRun: true });
    expect(await counts(driver)).toEqual({ nodes: 0, relationships: 0 });
  });
});

describe('ingestDemoIfEmpty', () => {
  it('loads the demo channel into an empty graph and leaves a graph with posts alone', async () => {
    const summary = await ingestDemoIfEmpty(driver);
    expect(summary?.exports[0].channel).toBe('ml-digest');
    expect(await postCount()).toBe(summary?.posts);
    expect(summary?.posts).toBeGreaterThan(30);
    const after = await counts(driver);
    expect(await ingestDemoIfEmpty(driver)).toBeNull();
    expect(await counts(driver)).toEqual(after);
  });
});
