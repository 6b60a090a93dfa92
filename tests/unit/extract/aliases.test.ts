import { entityNames, extractOne } from './post-builder';

describe('alias resolution', () => {
  it('maps known aliases to the canonical organisation', () => {
    const post = extractOne('News\nFB AI and Facebook researchers worked with Google Research.');
    expect(entityNames(post)).toEqual(expect.arrayContaining(['Meta', 'Google AI']));
    expect(entityNames(post)).not.toContain('Facebook');
    const meta = post.entities.find((e) => e.name === 'Meta')!;
    expect(meta.aliases).toEqual(expect.arrayContaining(['FB AI', 'Facebook']));
  });

  it('joins an abbreviation and its long form given in parentheses', () => {
    const post = extractOne(
      'Новинка\nПредставлена модель ZLM (Zonal Language Model) для кода. ZLM работает быстро.',
    );
    const zlm = post.entities.find((e) => e.name === 'ZLM')!;
    expect(zlm.aliases).toContain('Zonal Language Model');
    expect(zlm.mentions).toHaveLength(3);
    expect(entityNames(post)).not.toContain('Zonal Language Model');
  });

  it('takes the abbreviation as the name when the long form comes first', () => {
    const post = extractOne('Paper\nWe study the Sparse Retrieval Network (SRN) on long documents.');
    expect(entityNames(post)).toContain('SRN');
    expect(post.entities.find((e) => e.name === 'SRN')!.aliases).toContain('Sparse Retrieval Network');
  });

  it('reads "(ABBR, long form)" after Russian text', () => {
    const post = extractOne('Метод\nНовый метод поиска аномалий (GAD, graph anomaly detection) от Intel.');
    expect(post.entities.find((e) => e.name === 'GAD')?.aliases).toContain('graph anomaly detection');
  });

  it('joins spellings that differ only in case', () => {
    const post = extractOne('Title\nМодель text2sql работает. Text2sql обучена на SQL-запросах.');
    expect(post.entities.filter((e) => e.name.toLowerCase() === 'text2sql')).toHaveLength(1);
  });
});
