import neo4j, { Integer, Node, Path, Point, Record as Neo4jRecord, Relationship } from 'neo4j-driver';

/**
 * The one place where driver values become plain JSON-able JavaScript, so no other module has to
 * know about Neo4j Integers or temporal classes:
 *   Integer              -> number (a string when outside the safe integer range, never a wrong number)
 *   Date, DateTime, ...  -> ISO 8601 string (as Neo4j prints it)
 *   Duration             -> ISO 8601 duration string ("P1M2DT3S")
 *   Point                -> { srid, x, y, z? }
 *   Node                 -> { elementId, labels, properties }
 *   Relationship         -> { elementId, type, start, end, properties } (start/end are element ids)
 *   Path                 -> { nodes, relationships }
 *   Record               -> object keyed by the returned column names
 * Arrays and plain objects are converted recursively; byte arrays are left as they are.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value !== 'object') return value;
  if (neo4j.isInt(value)) {
    const integer = value as Integer;
    return integer.inSafeRange() ? integer.toNumber() : integer.toString();
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Uint8Array) return value;
  if (isTemporal(value) || neo4j.isDuration(value)) return String(value);
  if (neo4j.isPoint(value)) {
    const point = value as Point;
    const plain: { srid: unknown; x: number; y: number; z?: number } = {
      srid: toPlain(point.srid),
      x: point.x,
      y: point.y,
    };
    if (point.z !== undefined) plain.z = point.z;
    return plain;
  }
  if (value instanceof Neo4jRecord) return toPlainObject(value.toObject());
  if (value instanceof Node) {
    return {
      elementId: value.elementId,
      labels: [...value.labels],
      properties: toPlainObject(value.properties),
    };
  }
  if (value instanceof Relationship) {
    return {
      elementId: value.elementId,
      type: value.type,
      start: value.startNodeElementId,
      end: value.endNodeElementId,
      properties: toPlainObject(value.properties),
    };
  }
  if (value instanceof Path) {
    const nodes = [value.start, ...value.segments.map((segment) => segment.end)];
    return {
      nodes: nodes.map(toPlain),
      relationships: value.segments.map((segment) => toPlain(segment.relationship)),
    };
  }
  return toPlainObject(value as Record<string, unknown>);
}

/** toPlain for a record or map, typed as an object for callers that index into it. */
export function toPlainObject(value: Record<string, unknown> | Neo4jRecord): Record<string, unknown> {
  if (value instanceof Neo4jRecord) return toPlainObject(value.toObject());
  const plain: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) plain[key] = toPlain(item);
  return plain;
}

/** Every record of a result as a plain object. */
export function recordsToPlain(records: Neo4jRecord[]): Record<string, unknown>[] {
  return records.map((record) => toPlainObject(record));
}

function isTemporal(value: object): boolean {
  return (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value)
  );
}
