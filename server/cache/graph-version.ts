import type { Driver } from 'neo4j-driver';
import { apiQuery } from '../repositories/cypher-files';
import { readRows } from '../repositories/read';

interface VersionRow {
  nodes: number;
  relationships: number;
  imports: string[];
}

export interface GraphVersionOptions {
  /**
   * How long a version read stays trusted. 0: read it before every cached answer (tests, which
   * write to the graph directly and read back at once). The default trades at most one second of
   * staleness after an import from another process for one small query a second instead of one
   * per request.
   */
  checkIntervalMs: number;
  timeoutMs: number;
}

/**
 * A fingerprint of the graph's state (cypher/api/graph-version.cypher): cached responses are
 * stored under it and served only while it is unchanged. Imports run by this server call
 * `changed()` so their results show at once; imports from other processes (the CLI, another
 * server) show within `checkIntervalMs`.
 */
export class GraphVersion {
  private value: string | null = null;
  private readAt = -Infinity;
  private pending: Promise<string> | null = null;
  /** Bumped by `changed()`, so a read that was already running when the graph changed is not trusted. */
  private generation = 0;

  constructor(
    private readonly driver: Driver,
    private readonly options: GraphVersionOptions,
  ) {}

  /** The current fingerprint; throws (a translated driver error) when the database is unreachable. */
  async current(): Promise<string> {
    const fresh = performance.now() - this.readAt < this.options.checkIntervalMs;
    if (this.value !== null && fresh) return this.value;
    // One read at a time: requests arriving while it runs share its answer.
    this.pending ??= this.read().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** The graph was written by this process: the next request reads the version again. */
  changed(): void {
    this.generation += 1;
    this.readAt = -Infinity;
    this.pending = null;
  }

  private async read(): Promise<string> {
    const started = performance.now();
    const generation = this.generation;
    const [row] = await readRows<VersionRow>(
      this.driver,
      apiQuery('graph-version'),
      {},
      {
        origin: 'server/cache',
        timeoutMs: this.options.timeoutMs,
      },
    );
    const value = `${row.nodes}/${row.relationships}/${[...row.imports].sort().join(',')}`;
    if (generation === this.generation) {
      this.value = value;
      this.readAt = started;
    }
    return value;
  }
}
