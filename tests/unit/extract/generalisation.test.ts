import { isMeasure, looksLikeThing, shapeType } from '../../../ingest/extract/name-shape';
import { entityNames, extractOne, relationTriples, typeOf } from './post-builder';

/**
 * Rules added so that extraction holds up on channels it was not tuned on. Every sentence here is
 * invented for the test (fictional names where the rule must not lean on the knowledge files).
 */

describe("types from a name's own words", () => {
  it('reads organisations, events and products from the head word', () => {
    expect(shapeType('University of Leeds')).toBe('Organization');
    expect(shapeType('Quillfeather Labs')).toBe('Organization');
    expect(shapeType('Baltic Informatics Olympiad')).toBe('Event');
    expect(shapeType('Orbitz Server')).toBe('Product');
    expect(shapeType('Vortex-7')).toBeNull();
  });

  it('an unknown "University of …" is an organisation and the person "из" it works there', () => {
    const post = extractOne('Премия\nНаграду получила Анна Ковальская из University of Leeds.');
    expect(typeOf(post, 'University of Leeds')).toBe('Organization');
    expect(relationTriples(post)).toContain('Анна Ковальская WORKS_AT University of Leeds');
  });

  it('measures written like names are no entities', () => {
    expect(isMeasure('22B-parameter')).toBe(true);
    expect(isMeasure('128K-token')).toBe(true);
    expect(isMeasure('The 9B')).toBe(true);
    expect(isMeasure('Vortex-7')).toBe(false);
    const post = extractOne(
      'Release\nThe startup Quillfeather Labs shipped a 14B-parameter model called Nimbus.',
    );
    expect(entityNames(post)).not.toContain('14B-parameter');
  });

  it('chip codes are names; a given name before CPU or Superchip is no person', () => {
    expect(looksLikeThing(['Grace'], ' CPU and more')).toBe(true);
    expect(looksLikeThing(['Grace', 'Hopper'], ' said')).toBe(false);
    const post = extractOne('Chips\nThe X300 GPU is paired with a Grace CPU in the new rack.');
    expect(typeOf(post, 'Grace CPU')).toBe('Product');
    expect(entityNames(post).some((n) => n.startsWith('X300'))).toBe(true);
  });

  it('"X and her colleagues at Y": X is a person working at Y', () => {
    const post = extractOne(
      'Ranking\nThe ranking is run by Anaïs Boudreaux and her colleagues at Hugging Face.',
    );
    expect(typeOf(post, 'Anaïs Boudreaux')).toBe('Person');
    expect(relationTriples(post)).toContain('Anaïs Boudreaux WORKS_AT Hugging Face');
  });

  it('a licence named like a product is no entity', () => {
    const post = extractOne(
      'Terms\nThe weights ship under the Quill Non-Production License, and Nimbus is free for research.',
    );
    expect(entityNames(post).some((n) => /License/.test(n))).toBe(false);
  });

  it('a known product keeps its version number ("iPhone 14")', () => {
    const post = extractOne('Телефон\nМодель Vortex-7 работает на iPhone 14 без сети.');
    expect(typeOf(post, 'iPhone 14')).toBe('Product');
  });

  it('"в журнале X": a journal is an organisation', () => {
    const post = extractOne('Статья\nИсследователи напечатали работу в журнале Lumenica.');
    expect(typeOf(post, 'Lumenica')).toBe('Organization');
  });

  it('"DALL·E 3" keeps its middle dot as one name', () => {
    const post = extractOne('Картинки\nПодписи сделали так же, как для DALL·E 3.');
    expect(entityNames(post)).toContain('DALL-E 3');
    expect(entityNames(post)).not.toContain('E 3');
  });
});

describe('people and organisations', () => {
  it('"Org CEO Person" and "Person, who leads Org": works at', () => {
    const post = extractOne(
      'News\nQuillfeather Labs CEO Marta Olsen spoke to reporters. Tomas Reyes, who leads Anthropic, agreed.',
    );
    expect(relationTriples(post)).toEqual(
      expect.arrayContaining(['Marta Olsen WORKS_AT Quillfeather Labs', 'Tomas Reyes WORKS_AT Anthropic']),
    );
  });

  it('"глава Org Person" and "сотрудники Org — A и B": works at', () => {
    const post = extractOne(
      'Новости\nГлава Яндекса Ольга Петрова открыла встречу. Премию получили сотрудники OpenAI — Иван Смирнов и Павел Орлов.',
    );
    expect(relationTriples(post)).toEqual(
      expect.arrayContaining([
        'Ольга Петрова WORKS_AT Яндекс',
        'Иван Смирнов WORKS_AT OpenAI',
        'Павел Орлов WORKS_AT OpenAI',
      ]),
    );
  });

  it('"X now leads Org" works there; a former employer is where X worked', () => {
    const post = extractOne('People\nFormer Google researcher Marta Olsen now leads Quillfeather Labs.');
    const triples = relationTriples(post);
    expect(triples).toContain('Marta Olsen WORKS_AT Quillfeather Labs');
    expect(triples).toContain('Marta Olsen WORKS_AT Google');
  });

  // Former employers count (issue 10: the graph records where a person has worked).
  it('"X основал стартап Y", "X founded a new startup, Y": X works at Y and worked at the company X left', () => {
    const ru = extractOne('Люди\nАнна Ковальская покинула OpenAI и основала стартап Quillfeather Labs.');
    expect(relationTriples(ru)).toContain('Анна Ковальская WORKS_AT Quillfeather Labs');
    expect(relationTriples(ru)).toContain('Анна Ковальская WORKS_AT OpenAI');
    const en = extractOne('People\nMarta Olsen left Google and founded a new startup, Quillfeather Labs.');
    expect(relationTriples(en)).toContain('Marta Olsen WORKS_AT Quillfeather Labs');
    expect(relationTriples(en)).toContain('Marta Olsen WORKS_AT Google');
  });

  it('a short sentence with capitalised names is no headline ("Quillfeather Labs released Nimbus")', () => {
    const post = extractOne('News\nQuillfeather Labs released Nimbus.');
    expect(relationTriples(post)).toContain('Quillfeather Labs RELEASED Nimbus');
  });

  it('nationalities and "MIT-licensed" are no entities', () => {
    const post = extractOne('News\nChinese lab Quillfeather released Nimbus. The weights are MIT-licensed.');
    expect(entityNames(post)).not.toContain('Chinese');
    expect(entityNames(post)).not.toContain('MIT-licensed');
  });

  it('a well-known person named by Latin surname or in Russian is one node', () => {
    const en = extractOne('Talk\nIn his talk, Sutskever argued that data is running out.');
    expect(entityNames(en)).toContain('Ilya Sutskever');
    const ru = extractOne('Нобель\nПремию разделили Демис Хассабис и Джон Джампер.');
    expect(typeOf(ru, 'Джон Джампер')).toBe('Person');
    expect(ru.entities.find((e) => e.name === 'Джон Джампер')?.aliases).toContain('John Jumper');
  });
});

describe('events', () => {
  it('a person presenting in a sentence that names the event speaks at it; the thing is presented there; "X of Org" works there', () => {
    const post = extractOne(
      'Keynote\nAt Quantum Summit 2025, Marta Olsen of Quillfeather Labs unveiled the Nimbus model.',
    );
    expect(relationTriples(post)).toEqual(
      expect.arrayContaining([
        'Marta Olsen SPEAKS_AT Quantum Summit 2025',
        'Nimbus PRESENTED_AT Quantum Summit 2025',
        'Marta Olsen WORKS_AT Quillfeather Labs',
      ]),
    );
  });

  it('a talk in a later sentence does not make earlier authors speakers', () => {
    const post = extractOne(
      'Awards\nAt Quantum Summit 2025 the award went to a paper by Jan Novak and Eva Horak. Later, Marta Olsen gave a talk on scaling.',
    );
    const triples = relationTriples(post);
    expect(triples).toContain('Marta Olsen SPEAKS_AT Quantum Summit 2025');
    expect(triples).not.toContain('Jan Novak SPEAKS_AT Quantum Summit 2025');
  });
});

describe('release, comparison and use patterns', () => {
  it('"Org\'s Model": the organisation released it; "ahead of" and "more accurate than" outperform', () => {
    const post = extractOne(
      "Ranking\nMistral AI's Nimbus-7B tops the chart, ahead of Vortex-9B. Nimbus-7B is also more accurate than Lynx-3.",
    );
    expect(relationTriples(post)).toEqual(
      expect.arrayContaining([
        'Mistral AI RELEASED Nimbus-7B',
        'Nimbus-7B OUTPERFORMS Vortex-9B',
        'Nimbus-7B OUTPERFORMS Lynx-3',
      ]),
    );
  });

  it('"X от A и B": both organisations released X; "Org показала X": released', () => {
    const post = extractOne(
      'Vortex-7 от Baidu и Alibaba\nНовую модель обсуждают все. Потом Tencent показала Lynx-3.',
    );
    expect(relationTriples(post)).toEqual(
      expect.arrayContaining([
        'Baidu RELEASED Vortex-7',
        'Alibaba RELEASED Vortex-7',
        'Tencent RELEASED Lynx-3',
      ]),
    );
  });

  it('an organisation in an aside about a person did not release what the person released', () => {
    const post = extractOne(
      'Release\nMarta Olsen, former head of research at Quillfeather Labs, released Nimbus, a tiny library.',
    );
    const triples = relationTriples(post);
    expect(triples).not.toContain('Quillfeather Labs RELEASED Nimbus');
    expect(triples).toContain('Marta Olsen WORKS_AT Quillfeather Labs');
  });

  it('"GPT-4o mini" is a model of its own, not GPT-4o', () => {
    const post = extractOne('Small\nOpenAI released GPT-4o mini, and it beats Claude 3 Haiku.');
    expect(relationTriples(post)).toEqual(
      expect.arrayContaining(['OpenAI RELEASED GPT-4o mini', 'GPT-4o mini OUTPERFORMS Claude 3 Haiku']),
    );
  });

  it('"код написан на JAX": uses', () => {
    const post = extractOne('Релиз\nМодель Vortex-7 выложили целиком. Код Vortex-7 написан на JAX.');
    expect(relationTriples(post)).toContain('Vortex-7 USES JAX');
  });
});

describe('lists and compound names', () => {
  it('two unknown names joined by "and"/"и" after a benchmark cue are two datasets', () => {
    const en = extractOne('Eval\nThe model was tested on the benchmarks Zebrix and Quollo.');
    expect(en.entities.map((e) => `${e.name}:${e.type}`)).toEqual(
      expect.arrayContaining(['Zebrix:Dataset', 'Quollo:Dataset']),
    );
    const ru = extractOne('Оценка\nМодель Vortex-7 проверили на бенчмарках MERA и Quollo.');
    expect(typeOf(ru, 'Quollo')).toBe('Dataset');
  });

  it('"Google I/O 2024" is one event and a keynote announcement there is a talk', () => {
    const post = extractOne('Keynote\nAt Google I/O 2024, Marta Olsen announced the Nimbus model.');
    expect(typeOf(post, 'Google I/O 2024')).toBe('Event');
    expect(relationTriples(post)).toContain('Marta Olsen SPEAKS_AT Google I/O 2024');
  });

  it('a tier word after a known model and version stays in the name ("Gemini 1.5 Flash")', () => {
    const post = extractOne('Release\nGoogle released Gemini 1.5 Flash for developers.');
    expect(relationTriples(post)).toContain('Google RELEASED Gemini 1.5 Flash');
  });

  it('"суперкомпьютер X" is a product, not a dataset it was trained on', () => {
    const post = extractOne('Железо\nМодель Vortex-7 обучена на суперкомпьютере Zebrix.');
    expect(typeOf(post, 'Zebrix')).toBe('Product');
  });
});

describe('repositories', () => {
  it('"Nimbus 2.0" is the repository "Nimbus-2"; a name inside another repo name loses to an exact one', () => {
    const post = extractOne(
      'Релиз\nЯндекс выложил библиотеку YaShard как замену FSDP. Код: https://github.com/yandex/YaShard',
    );
    const triples = relationTriples(post);
    expect(triples).toContain('YaShard HAS_REPO yandex/YaShard');
    expect(triples).not.toContain('FSDP HAS_REPO yandex/YaShard');
    const versioned = extractOne('Релиз\nВышла модель Nimbus 2.0.\nhttps://github.com/quillfeather/Nimbus-2');
    expect(relationTriples(versioned)).toContain('Nimbus 2.0 HAS_REPO quillfeather/Nimbus-2');
  });

  it('an owner named in the text is an organisation', () => {
    const post = extractOne(
      'Релиз\nВеса открыты, код лежит в репозитории quill-feather.\nhttps://github.com/quill-feather/Nimbus-2',
    );
    expect(typeOf(post, 'quill-feather')).toBe('Organization');
  });
});
