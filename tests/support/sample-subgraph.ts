import type { Subgraph } from '../../server/export/subgraph';

/**
 * A small subgraph full of the values that break exporters: markup and quotes, control characters XML
 * cannot carry, Cyrillic and emoji, commas and line breaks, cells that spreadsheets would run as formulas,
 * columns whose values disagree in type, extra properties named like reserved fields, and two edges of
 * different types between the same pair. Used by the unit tests and by write-export-samples.ts (CI).
 */
export function sampleSubgraph(): Subgraph {
  return {
    nodes: [
      {
        id: 'openai',
        label: 'OpenAI',
        type: 'Organization',
        mentionCount: 42,
        degree: 3,
        firstSeen: '2023-01-05',
        lastSeen: '2024-06-30',
        aliases: ['Open AI', 'OpenAI Inc.'],
        verified: true,
        score: 0.5,
        stars: 10,
        followers: 5_000_000_000,
      },
      {
        id: 'gpt-4o',
        label: '<script>alert("x&y")</script>\'',
        type: 'Model',
        mentionCount: 7,
        degree: 2,
        firstSeen: '2024-05-13',
        lastSeen: null,
        aliases: [],
        verified: false,
        score: 'high',
        stars: 2.5,
        followers: 12,
        url: null,
        name: 'an extra called name',
        meta: { nested: [1, 2] },
      },
      {
        id: 'яндекс',
        label: 'Яндекс, «ИИ» 🤖',
        type: 'Organization',
        mentionCount: 3,
        degree: 1,
        firstSeen: null,
        lastSeen: null,
        aliases: ['Yandex; Russia', '=HYPERLINK("http://evil")'],
        note: 'ctl\u0001\u0008\u000B\u001F\uFFFE\uD800 chars\r\nline two\ttab',
      },
      {
        id: '@karpathy',
        label: '-Andrej Karpathy',
        type: 'Person',
        mentionCount: 1,
        degree: 1,
        firstSeen: '2024-02-01',
        lastSeen: '2024-02-01',
        aliases: ['+AK', '@karpathy'],
      },
      {
        id: 'post:mlchan/812',
        label: 'Пост 812',
        type: 'Post',
        firstSeen: '2024-05-13',
        lastSeen: '2024-05-13',
      },
    ],
    edges: [
      {
        id: 'openai|RELEASED|gpt-4o',
        source: 'openai',
        target: 'gpt-4o',
        type: 'RELEASED',
        count: 2,
        posts: ['mlchan/812', 'mlchan/815'],
        evidence: ['OpenAI released GPT-4o, "omni"; faster.', 'Вышла модель\nGPT-4o'],
        firstDate: '2024-05-13',
        confidence: 0.9,
        label: 'an extra called label',
      },
      {
        id: 'openai|OWNS|gpt-4o',
        source: 'openai',
        target: 'gpt-4o',
        type: 'OWNS',
        count: 1,
        posts: ['mlchan/812'],
        evidence: ['=1+1'],
        firstDate: null,
        confidence: 1,
      },
      {
        id: '@karpathy|WORKS_AT|openai',
        source: '@karpathy',
        target: 'openai',
        type: 'WORKS_AT',
        count: 1,
        posts: [],
        evidence: [],
        firstDate: '2024-02-01',
      },
      {
        id: 'post:mlchan/812|MENTIONS|яндекс',
        source: 'post:mlchan/812',
        target: 'яндекс',
        type: 'MENTIONS',
        count: 3,
        posts: ['mlchan/812'],
        evidence: ['Яндекс & <OpenAI> "quoted" \'single\''],
        confidence: 'n/a',
      },
    ],
    // Not every node has one, and one that has is not finite: both are written without a position.
    positions: {
      openai: { x: 10, y: 20.5 },
      'gpt-4o': { x: -30, y: 0 },
      '@karpathy': { x: Number.NaN, y: 1 },
    },
  };
}
