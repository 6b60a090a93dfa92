/**
 * `npm run follow` as a user runs it (tsx, a child process) against the local t.me stand-in and
 * the test database, and kill -9 of that process mid-run: the next run must leave exactly the
 * graph of one clean fetch. The kill is triggered by what the child does (a request the fixture
 * server holds, a progress line printed after the first committed batch), never by a timer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { followChannel } from '../../ingest/follow/follow-channel';
import { fixtureChannel } from '../support/tme-fixture/channels';
import { TmeFixtureServer } from '../support/tme-fixture/server';
import { clearGraph, testDriver } from './support/db';
import { testClient } from './support/follow-client';
import { graphSnapshot, type GraphSnapshot } from './support/graph-snapshot';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');
const POSTS = 300;

let driver: Driver;
let tme: TmeFixtureServer;
let baseUrl: string;
let clean: GraphSnapshot;

beforeAll(async () => {
  driver = testDriver();
  tme = new TmeFixtureServer();
  baseUrl = await tme.start();
  tme.addChannel(fixtureChannel('bigchan', POSTS));
  await clearGraph(driver);
  await followChannel(driver, 'bigchan', { client: testClient().client, baseUrl });
  clean = await graphSnapshot(driver);
});
afterAll(async () => {
  await tme.stop();
  await driver.close();
});
beforeEach(async () => {
  await clearGraph(driver);
  tme.requests.length = 0;
});

interface Child {
  process: ChildProcess;
  stdout: string;
  stderr: string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function followCli(args: string[]): Child {
  // node itself with tsx's loader, not the tsx wrapper: SIGKILL must hit the process that writes
  // (the wrapper would die alone and leave its node child running).
  const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/cli/follow.ts', ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      DEBUG: '',
      TME_BASE_URL: baseUrl,
      FOLLOW_PAGE_DELAY_MS: '0',
      FOLLOW_TIMEOUT_MS: '60000',
    },
  });
  const run: Child = {
    process: child,
    stdout: '',
    stderr: '',
    exit: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
  };
  child.stdout.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  return run;
}

/** Resolves when the child's stderr has printed `text`. */
function waitForStderr(run: Child, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (run.stderr.includes(text)) resolve();
    };
    run.process.stderr?.on('data', check);
    void run.exit.then(() =>
      run.stderr.includes(text)
        ? resolve()
        : reject(new Error(`exited without printing "${text}":\n${run.stderr}`)),
    );
    check();
  });
}

describe('npm run follow', () => {
  it('follows a channel, shows progress with pages and posts, prints a summary and exits 0', async () => {
    const run = followCli(['@bigchan']);
    const { code } = await run.exit;
    expect(run.stderr).toContain('follow @bigchan: fetching 1 pages, 18 posts');
    expect(run.stderr).toContain('follow @bigchan: writing posts');
    expect(code).toBe(0);
    expect(run.stdout).toMatch(
      /^@bigchan: 15 pages, 258 posts, 258 new or changed written \(newest message 300; stopped: reached the first post of the channel\)/,
    );
    expect(await graphSnapshot(driver)).toEqual(clean);
  });

  it('refuses a bad channel name before any request, naming it', async () => {
    const run = followCli(['@no']);
    const { code } = await run.exit;
    expect(code).toBe(1);
    expect(run.stderr).toContain('follow: "@no" is not a public channel name');
    expect(tme.requests).toHaveLength(0);
  });

  it('exits 1 and names the channel when a channel has no web preview', async () => {
    const run = followCli(['@nosuchchannel']);
    const { code } = await run.exit;
    expect(code).toBe(1);
    expect(run.stdout).toContain('@nosuchchannel: FAILED: follow @nosuchchannel: ');
    expect(run.stdout).toContain('no web preview');
  });

  it('kill -9 while fetching, then a rerun: the graph of one clean fetch', async () => {
    // The fifth page never answers; the child is killed while it waits for it.
    tme.queueFaults('/s/bigchan?before=221', { kind: 'hang' });
    const run = followCli(['@bigchan']);
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (tme.pagePaths().includes('/s/bigchan?before=221')) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    run.process.kill('SIGKILL');
    expect((await run.exit).signal).toBe('SIGKILL');
    await followChannel(driver, 'bigchan', { client: testClient().client, baseUrl });
    expect(await graphSnapshot(driver)).toEqual(clean);
  });

  it('kill -9 while writing (after the first committed batch), then a rerun: the graph of one clean fetch', async () => {
    const run = followCli(['@bigchan', '--batch-size', '20']);
    await waitForStderr(run, 'follow @bigchan: writing posts');
    run.process.kill('SIGKILL');
    expect((await run.exit).signal).toBe('SIGKILL');
    // The line is printed after the first batch committed, so some posts are in the graph. The
    // fetch is recorded only after the whole load, so however far the killed run got, the rerun
    // fetches the same range again and completes it.
    const { records } = await driver.executeQuery('MATCH (p:Post) RETURN count(p) AS n');
    expect(records[0].get('n').toNumber()).toBeGreaterThan(0);
    await followChannel(driver, 'bigchan', { client: testClient().client, baseUrl });
    expect(await graphSnapshot(driver)).toEqual(clean);
  });
});
