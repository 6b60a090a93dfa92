import { parseScore } from '../../../ingest/extract/scores';

describe('parseScore', () => {
  it('reads a Russian decimal comma percentage with its metric', () => {
    expect(parseScore(' достигает точности 91,7% на тесте')).toEqual({ score: 91.7, metric: 'accuracy' });
  });

  it('reads metric names written before the number', () => {
    expect(parseScore(' reaches a WER of 4.1% on the test set')).toEqual({ score: 4.1, metric: 'WER' });
    expect(parseScore(' with top-1 accuracy 82.3')).toEqual({ score: 82.3, metric: 'top-1 accuracy' });
    expect(parseScore(' scores BLEU 35.2')).toEqual({ score: 35.2, metric: 'BLEU' });
  });

  it('keeps a bare percentage without a metric', () => {
    expect(parseScore(' набирает 64%')).toEqual({ score: 64 });
  });

  it('ignores counts of parameters and hours', () => {
    expect(parseScore(' с 7 млрд параметров обучена за 30 часов')).toBeNull();
  });
});
