/**
 * Two small channels written for the channel-delete tests. They share entities on purpose:
 * "Orbit Labs" (an alias each), "Kestrel" (beta votes it a Product, outvoting alpha's Model while
 * both are loaded) and the relation Orbit Labs RELEASED Kestrel, stated by a post of each.
 * Beta spells Tensorline "TensorLine" (same key, another name). Beta also has entities of its own, an earlier post (it moves Kestrel's firstSeen), a forward
 * from a channel nobody imported, and "Heron" typed a Person where alpha has a Model of that name
 * (the loader gives beta's its own key, ingest/load/meanings.ts).
 */
import type { PostSpec } from './ingest-extractions.fixtures';

export const ALPHA: PostSpec[] = [
  {
    messageId: 1,
    date: '2025-03-02T09:00:00Z',
    text: 'Orbit Labs released Kestrel, a small model. Kestrel is trained with Tensorline.',
    entities: [
      { name: 'Orbit Labs', type: 'Organization', aliases: ['Orbit'] },
      { name: 'Kestrel', type: 'Model' },
      { name: 'Tensorline', type: 'Library' },
    ],
    relations: [
      { from: 'Orbit Labs', type: 'RELEASED', to: 'Kestrel' },
      { from: 'Kestrel', type: 'USES', to: 'Tensorline' },
    ],
  },
  {
    messageId: 2,
    date: '2025-03-09T09:00:00Z',
    text: 'Heron beats Kestrel on the Marsh benchmark.',
    entities: [
      { name: 'Heron', type: 'Model' },
      { name: 'Kestrel', type: 'Model' },
      { name: 'Marsh', type: 'Dataset' },
    ],
    relations: [
      { from: 'Heron', type: 'OUTPERFORMS', to: 'Kestrel' },
      { from: 'Heron', type: 'EVALUATED_ON', to: 'Marsh', score: 81.5, metric: 'accuracy' },
    ],
  },
];

export const BETA: PostSpec[] = [
  {
    messageId: 7,
    date: '2025-02-20T12:00:00Z',
    text: 'Kestrel preview from Orbit AI leaked a week early. Orbit Labs released Kestrel to testers.',
    entities: [
      { name: 'Kestrel', type: 'Product' },
      { name: 'Orbit Labs', type: 'Organization', aliases: ['Orbit AI'] },
    ],
    relations: [{ from: 'Orbit Labs', type: 'RELEASED', to: 'Kestrel' }],
  },
  {
    messageId: 8,
    date: '2025-03-15T12:00:00Z',
    forwardedFrom: 'Wader Weekly',
    text: 'Kestrel now ships inside Plover Studio. Heron gave the keynote.',
    entities: [
      { name: 'Kestrel', type: 'Product' },
      { name: 'Plover Studio', type: 'Product' },
      { name: 'Heron', type: 'Person' },
    ],
    relations: [{ from: 'Plover Studio', type: 'USES', to: 'Kestrel' }],
  },
  {
    messageId: 9,
    date: '2025-03-20T12:00:00Z',
    text: 'TensorLine 2.0 adds sparse kernels. Sandpiper uses TensorLine.',
    entities: [
      { name: 'TensorLine', type: 'Library', aliases: ['TensorLine 2.0'] },
      { name: 'Sandpiper', type: 'Model' },
    ],
    relations: [{ from: 'Sandpiper', type: 'USES', to: 'TensorLine' }],
  },
];
