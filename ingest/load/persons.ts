import { samePerson } from '../extract/person-identity';
import { rekeyPlan } from './meanings';
import type { LoadPlan } from './plan';

/**
 * One person across channels and scripts: a person this import names "Andrej Karpathy" joins the
 * "Андрей Карпатый" the graph already holds (by the same sound skeleton the extractor uses within a
 * channel, ingest/extract/person-identity.ts); the incoming spelling becomes an alias of the node.
 */

export interface GraphPerson {
  key: string;
  name: string;
  aliases: string[];
}

/** Rewrites the keys of incoming persons that are already in the graph under another spelling; returns how many moved. */
export function joinPersonsToGraph(plan: LoadPlan, graphPersons: readonly GraphPerson[]): number {
  const moved = new Map<string, string>();
  for (const e of plan.entities) {
    if (e.type !== 'Person') continue;
    const spellings = [e.name, ...e.aliases];
    const match = graphPersons.find(
      (g) => g.key !== e.key && [g.name, ...g.aliases].some((n) => spellings.some((s) => samePerson(s, n))),
    );
    if (match) moved.set(e.key, match.key);
  }
  rekeyPlan(plan, moved);
  return moved.size;
}
