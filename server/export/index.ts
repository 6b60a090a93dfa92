import { toCyjs } from './cyjs';
import { toGexf } from './gexf';
import { toGraphml } from './graphml';
import { toNeo4jCsvZip } from './neo4j-csv';
import { assertValidSubgraph, ExportInputError, type Subgraph } from './subgraph';

export { ExportInputError, type Subgraph } from './subgraph';

/** The formats of GET|POST /api/export?format=..., in the order the client offers them. */
export const EXPORT_FORMATS = ['graphml', 'gexf', 'cyjs', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  body: Buffer | string;
  contentType: string;
  /** Without the dot: "graphml", "gexf", "cyjs", "zip", "json". */
  fileExtension: string;
}

export interface ExportOptions {
  /** Graph name written into formats that have one (GEXF description, .cyjs network name). */
  name?: string;
  /** Modification time of the files inside the CSV zip; defaults to now. */
  modifiedAt?: Date;
}

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Validates a `format` query parameter. */
export function parseExportFormat(value: unknown): ExportFormat {
  if (isExportFormat(value)) return value;
  throw new ExportInputError(
    `format must be one of ${EXPORT_FORMATS.join(', ')} (got ${JSON.stringify(value)})`,
  );
}

/**
 * A download name for Content-Disposition: the base reduced to letters, digits, "-" and "_" (so it needs
 * no quoting or RFC 5987 encoding), then the format's extension; the CSV zip says what it holds.
 */
export function exportFileName(format: ExportFormat, base = 'subgraph'): string {
  const safeBase = base.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'subgraph';
  return format === 'csv' ? `${safeBase}-neo4j-csv.zip` : `${safeBase}.${format}`;
}

/** Turns a subgraph into a file of the given format. Throws ExportInputError on a malformed subgraph. */
export function exportSubgraph(
  subgraph: Subgraph,
  format: ExportFormat,
  options: ExportOptions = {},
): ExportedFile {
  assertValidSubgraph(subgraph);
  const name = options.name ?? 'ml-channel-graph subgraph';
  switch (format) {
    case 'graphml':
      return {
        body: toGraphml(subgraph),
        contentType: 'application/graphml+xml; charset=utf-8',
        fileExtension: 'graphml',
      };
    case 'gexf':
      return {
        body: toGexf(subgraph, name),
        contentType: 'application/gexf+xml; charset=utf-8',
        fileExtension: 'gexf',
      };
    case 'cyjs':
      return {
        body: toCyjs(subgraph, name),
        contentType: 'application/json; charset=utf-8',
        fileExtension: 'cyjs',
      };
    case 'csv':
      return {
        body: toNeo4jCsvZip(subgraph, options.modifiedAt),
        contentType: 'application/zip',
        fileExtension: 'zip',
      };
    case 'json':
      return {
        body: JSON.stringify({ nodes: subgraph.nodes, edges: subgraph.edges }, null, 2),
        contentType: 'application/json; charset=utf-8',
        fileExtension: 'json',
      };
    default:
      throw new ExportInputError(`unknown format ${JSON.stringify(format)}`);
  }
}
