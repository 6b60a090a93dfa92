import { extractOne, relationTriples } from '../post-builder';

/** What things are built on, trained on and used by, and what a negation takes back. */

const uses = (text: string) => relationTriples(extractOne(text)).filter((t) => t.includes(' USES '));

describe('USES', () => {
  it('trained on a supercomputer', () => {
    expect(uses('Релиз\nМодель Zorvath-3 обучалась на суперкомпьютере Christofari.')).toContain(
      'Zorvath-3 USES Christofari',
    );
  });

  it('a passive use names the organisations that use it', () => {
    expect(uses('Релиз\nБиблиотека CatBoost используется в поиске Яндекса.')).toContain(
      'Яндекс USES CatBoost',
    );
  });

  it('things after a passive use verb are what the post’s subject uses, not users of it', () => {
    const found = uses(
      'Релиз\nМодель Zorvath-3 обучена на новостях. Для дообучения используются библиотеки PEFT от Hugging Face.',
    );
    expect(found).toContain('Zorvath-3 USES PEFT');
    expect(found).not.toContain('Hugging Face USES Zorvath-3');
  });

  it('based on, built on', () => {
    expect(uses('Release\nZorvath-3 is built on PyTorch.')).toContain('Zorvath-3 USES PyTorch');
    expect(uses('Релиз\nЭнкодер модели Zorvath-3 основан на Vision Transformer (ViT).')).toContain(
      'Zorvath-3 USES ViT',
    );
  });

  it.each([
    ['без', 'Релиз\nМодель Zorvath-3 работает без CUDA.'],
    ['не использует', 'Релиз\nМодель Zorvath-3 не использует PyTorch.'],
    ['не X, а Y', 'Релиз\nМодель Zorvath-3 использует не PyTorch, а JAX.'],
    ['does not use', 'Release\nThe model Zorvath-3 does not use PyTorch.'],
  ])('a negation (%s) is no use', (_name, text) => {
    expect(uses(text).filter((t) => t.includes('PyTorch') || t.includes('CUDA'))).toEqual([]);
  });
});

describe('use stated around the user', () => {
  it('"В X используется токенизатор A и библиотека B": X uses both', () => {
    const triples = relationTriples(
      extractOne('Новости\nВ Vanta-3 используется токенизатор Kestrel и библиотека vLLM.'),
    );
    expect(triples).toEqual(expect.arrayContaining(['Vanta-3 USES Kestrel', 'Vanta-3 USES vLLM']));
  });
});
