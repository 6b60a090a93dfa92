import { entityNames, extractOne, relationTriples, typeOf } from './post-builder';

describe('finding unknown names', () => {
  it('finds Latin-script names inside Russian sentences', () => {
    const post = extractOne('Обзор\nИсследователи сравнили VoxNet-2, qwikLM и DeepSift на новых данных.');
    expect(entityNames(post)).toEqual(expect.arrayContaining(['VoxNet-2', 'qwikLM', 'DeepSift']));
  });

  it('types unknown names from cue words', () => {
    const post = extractOne(
      'Новости\nБиблиотека Torchlet вышла. Датасет WikiFacts открыт. Стартап Nebulai привлёк деньги. Конференция MLConf Berlin пройдёт весной.',
    );
    expect(typeOf(post, 'Torchlet')).toBe('Library');
    expect(typeOf(post, 'WikiFacts')).toBe('Dataset');
    expect(typeOf(post, 'Nebulai')).toBe('Organization');
    expect(typeOf(post, 'MLConf Berlin')).toBe('Event');
  });

  it('types English names from cue words after them', () => {
    const post = extractOne('Release\nThe Orca3 model and the TinyStories2 dataset are out.');
    expect(typeOf(post, 'Orca3')).toBe('Model');
    expect(typeOf(post, 'TinyStories2')).toBe('Dataset');
  });

  it('skips generic terms, metric names, places and licences', () => {
    const post = extractOne(
      'Итоги\nМодель снизила WER на GPU в Berlin, код выложен под лицензией MIT. Data Science растёт.',
    );
    expect(entityNames(post)).toEqual([]);
  });

  it('reads "organisation + name" as a thing the organisation made', () => {
    const post = extractOne('Обновление\nВышла Microsoft Orbitron с новыми функциями.');
    expect(entityNames(post)).toEqual(expect.arrayContaining(['Microsoft', 'Microsoft Orbitron']));
    expect(post.relations.map((r) => `${r.from} ${r.type} ${r.to}`)).toContain(
      'Microsoft RELEASED Microsoft Orbitron',
    );
  });

  it('finds English persons by their given name', () => {
    const post = extractOne('Interview\nWe talked to Laura Whitfield about agents.');
    expect(typeOf(post, 'Laura Whitfield')).toBe('Person');
  });

  it('names a repository owner/name and links it to its organisation', () => {
    const post = extractOne('Code\nThe code of Zephyrix is at https://github.com/nvidia/zephyrix');
    expect(typeOf(post, 'nvidia/zephyrix')).toBe('Repository');
    const triples = post.relations.map((r) => `${r.from} ${r.type} ${r.to}`);
    expect(triples).toEqual(
      expect.arrayContaining(['NVIDIA OWNS nvidia/zephyrix', 'Zephyrix HAS_REPO nvidia/zephyrix']),
    );
  });
});

describe('name variants', () => {
  it('counts a size variant as the release it belongs to', () => {
    const post = extractOne('Вышла Orion 2 70B\nКомпания Baidu выпустила Orion 2 с длинным контекстом.');
    expect(post.entities.filter((e) => e.name.startsWith('Orion')).map((e) => e.name)).toEqual(['Orion 2']);
    expect(post.entities.find((e) => e.name === 'Orion 2')!.mentions).toHaveLength(2);
  });

  it('reads a unit of a known organisation as a product when its last word is not a unit word', () => {
    const post = extractOne('Tools\nTry it in Google AI Studio today.');
    expect(typeOf(post, 'Google AI Studio')).toBe('Product');
  });
});

describe('text that is not names', () => {
  it('skips handles, hashtags and descriptive compounds', () => {
    const post = extractOne(
      'Анонс\nПодписывайтесь на @DeepNewsDaily #MachineLearning. Сделали GPT-based поиск и KV-cache.',
    );
    expect(entityNames(post)).toEqual([]);
  });

  it('finds a repository hidden behind a text link and links it to the post subject', () => {
    const post = extractOne('Библиотека Vectorly вышла\nКод лежит в репозитории.', [
      { url: 'https://github.com/acme-labs/vectorly-core', text: 'в репозитории' },
    ]);
    expect(relationTriples(post)).toContain('Vectorly HAS_REPO acme-labs/vectorly-core');
  });
});

describe('lone acronyms', () => {
  it('leaves out an unknown acronym said once with no cue and no relation', () => {
    const post = extractOne('Science\nThe system reached silver-medal level on IMO problems.');
    expect(entityNames(post)).not.toContain('IMO');
  });

  it('keeps an unknown acronym that a cue types', () => {
    const post = extractOne('Science\nThe new model QRX is fast.');
    expect(typeOf(post, 'QRX')).toBe('Model');
  });
});
