import { findRepos, parseGithubUrl } from '../../../ingest/extract/repos';

describe('parseGithubUrl', () => {
  it('reads owner/name from a repository URL', () => {
    expect(parseGithubUrl('https://github.com/openai/whisper')?.fullName).toBe('openai/whisper');
    expect(parseGithubUrl('github.com/huggingface/transformers.git')?.fullName).toBe(
      'huggingface/transformers',
    );
  });

  it('keeps the path below the repository', () => {
    const ref = parseGithubUrl('https://github.com/pytorch/fairseq/tree/main/examples/wav2vec');
    expect(ref).toMatchObject({ owner: 'pytorch', name: 'fairseq', subpath: 'tree/main/examples/wav2vec' });
  });

  it('rejects GitHub pages that are not repositories and github.io sites', () => {
    expect(parseGithubUrl('https://github.com/features/copilot')).toBeNull();
    expect(parseGithubUrl('https://github.com/orgs/openai/repositories')).toBeNull();
    expect(parseGithubUrl('https://openai.github.io/whisper')).toBeNull();
    expect(parseGithubUrl('https://github.com/openai')).toBeNull();
  });
});

describe('findRepos', () => {
  it('finds repositories in the text with their offsets and behind text links', () => {
    const text = 'Код: https://github.com/a-team/tool. Статья по ссылке.';
    const hits = findRepos(text, [{ url: 'https://github.com/b-org/lib', text: 'по ссылке' }]);
    expect(hits.map((h) => h.fullName)).toEqual(['a-team/tool', 'b-org/lib']);
    expect(text.slice(hits[0].start!, hits[0].end!)).toBe('https://github.com/a-team/tool');
    expect(text.slice(hits[1].start!, hits[1].end!)).toBe('по ссылке');
  });
});
