import { parseChannelName } from '../../../ingest/follow/channel-name';
import { openApiDocument } from '../../../server/api/openapi';

describe('parseChannelName', () => {
  it('accepts @name, name and t.me links, lower-cased', () => {
    expect(parseChannelName('@ML_Digest')).toBe('ml_digest');
    expect(parseChannelName('ml_digest')).toBe('ml_digest');
    expect(parseChannelName('https://t.me/ml_digest')).toBe('ml_digest');
    expect(parseChannelName('t.me/s/ml_digest/')).toBe('ml_digest');
  });

  it('refuses what cannot be a public username, naming the argument', () => {
    for (const bad of ['@abc', '1channel', 'a b c d e', '../../etc', 'name?before=1', '']) {
      expect(() => parseChannelName(bad)).toThrow(`"${bad}" is not a public channel name`);
    }
  });
});

describe('the OpenAPI pattern of POST /api/follows', () => {
  it('accepts and refuses what parseChannelName does', () => {
    const doc = openApiDocument() as {
      paths: Record<string, { post: { requestBody: { content: Record<string, { schema: unknown }> } } }>;
    };
    const schema = doc.paths['/api/follows'].post.requestBody.content['application/json'].schema as {
      properties: { channel: { pattern: string } };
    };
    const pattern = new RegExp(schema.properties.channel.pattern);
    const samples = [
      '@ML_Digest',
      'ml_digest',
      'https://t.me/ml_digest',
      't.me/s/ml_digest/',
      '@abc',
      '1channel',
      'a/b',
      '',
    ];
    for (const sample of samples) {
      let accepted = true;
      try {
        parseChannelName(sample);
      } catch {
        accepted = false;
      }
      expect([sample, pattern.test(sample)]).toEqual([sample, accepted]);
    }
  });
});
