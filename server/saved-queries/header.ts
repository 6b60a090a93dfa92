import type { SavedQuery, SavedQueryParam } from '../api/contract';

/**
 * Saved queries are plain .cypher files in cypher/queries whose leading comment lines describe them:
 *
 *   // @title Who released what
 *   // @description Organisations and what they released, with the posts that say so.
 *   // @param org string "" Organisation name or key; empty for all
 *   // @param limit integer 50 Rows at most
 *
 * The query name is the file name without .cypher (an optional `// @name` must agree with it).
 * A @param line is: name, type (string | integer | float | boolean | date), default (a JSON value:
 * "text", 42, 1.5, true, null), then the description. After its @param line, a parameter can have
 *
 *   // @label org Organisation             what the form calls it (default: the name in words)
 *   // @input org entity                   an entity picker (entity), or a select of the entity types (entity-type)
 *
 * Other comment lines are free text.
 */
export interface SavedQueryDefinition extends SavedQuery {
  cypher: string;
}

const PARAM_TYPES = ['string', 'integer', 'float', 'boolean', 'date'] as const;
const PARAM_LINE = /^@param\s+([A-Za-z_][A-Za-z0-9_]*)\s+(\S+)\s+("(?:[^"\\]|\\.)*"|\S+)\s*(.*)$/;
const INPUTS = ['entity', 'entity-type'] as const;
const PARAM_TAG_LINE = /^@(label|input)\s+([A-Za-z_][A-Za-z0-9_]*)\s+(.+)$/;
export const DATE_PATTERN = /^\d{4}-\d{2}(-\d{2})?$/;

export class SavedQueryHeaderError extends Error {
  constructor(file: string, line: number, message: string) {
    super(`cypher/queries/${file}: line ${line}: ${message}`);
    this.name = 'SavedQueryHeaderError';
  }
}

export function parseSavedQuery(file: string, text: string): SavedQueryDefinition {
  const name = file.replace(/\.cypher$/, '');
  const query: SavedQueryDefinition = { name, title: name, description: '', params: [], cypher: text };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    if (!line.startsWith('//')) break; // the header ends at the first line of Cypher
    const body = line.replace(/^\/\/\s?/, '').trim();
    const fail = (message: string) => new SavedQueryHeaderError(file, i + 1, message);
    if (body.startsWith('@name ')) {
      const declared = body.slice(6).trim();
      if (declared !== name) throw fail(`@name "${declared}" differs from the file name "${name}"`);
    } else if (body.startsWith('@title ')) {
      query.title = body.slice(7).trim();
    } else if (body.startsWith('@description ')) {
      query.description = [query.description, body.slice(13).trim()].filter(Boolean).join(' ');
    } else if (body.startsWith('@param')) {
      const m = PARAM_LINE.exec(body);
      if (!m) throw fail('expected "@param <name> <type> <default> <description>"');
      const [, paramName, type, rawDefault, description] = m;
      if (!(PARAM_TYPES as readonly string[]).includes(type)) {
        throw fail(`@param ${paramName}: type "${type}" is not one of ${PARAM_TYPES.join(', ')}`);
      }
      if (query.params.some((p) => p.name === paramName)) throw fail(`@param ${paramName} is declared twice`);
      // POST /api/queries/{name}/run reads a body with a "params" key as the wrapper.
      if (paramName === 'params') throw fail('a parameter cannot be called "params"');
      const param: SavedQueryParam = {
        name: paramName,
        type: type as SavedQueryParam['type'],
        default: parseDefault(rawDefault, type as SavedQueryParam['type'], (message) =>
          fail(`@param ${paramName}: ${message}`),
        ),
        description: description.trim(),
        label: labelOf(paramName),
      };
      query.params.push(param);
    } else if (body.startsWith('@label') || body.startsWith('@input')) {
      const m = PARAM_TAG_LINE.exec(body);
      if (!m) throw fail(`expected "${body.split(/\s/)[0]} <parameter> <value>"`);
      const [, tag, paramName, value] = m;
      const param = query.params.find((p) => p.name === paramName);
      if (!param) throw fail(`@${tag} ${paramName}: no @param ${paramName} above it`);
      if (tag === 'label') param.label = value.trim();
      else if ((INPUTS as readonly string[]).includes(value.trim()) && param.type === 'string')
        param.input = value.trim() as (typeof INPUTS)[number];
      else
        throw fail(
          `@input ${paramName}: "${value.trim()}" is not one of ${INPUTS.join(', ')} (for a string)`,
        );
    } else if (body.startsWith('@')) {
      throw fail(`unknown header tag "${body.split(/\s/)[0]}"`);
    }
  }
  if (query.cypher.split('\n').every((l) => l.trim() === '' || l.trim().startsWith('//'))) {
    throw new SavedQueryHeaderError(file, lines.length, 'the file has a header but no query');
  }
  return query;
}

/** "limit" → "Limit", "dateFrom" → "Date from", "min_score" → "Min score". */
export function labelOf(name: string): string {
  const words = name
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function parseDefault(
  raw: string,
  type: SavedQueryParam['type'],
  fail: (message: string) => Error,
): SavedQueryParam['default'] {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw fail(`default ${raw} is not a JSON value (quote strings: "text")`);
  }
  if (value === null) return null;
  const ok =
    (type === 'string' && typeof value === 'string') ||
    (type === 'date' && typeof value === 'string' && DATE_PATTERN.test(value)) ||
    (type === 'integer' && Number.isSafeInteger(value)) ||
    (type === 'float' && typeof value === 'number') ||
    (type === 'boolean' && typeof value === 'boolean');
  if (!ok) throw fail(`default ${raw} is not a ${type}`);
  return value as SavedQueryParam['default'];
}
