import {
  MAX_URL_NODES,
  decodeView,
  emptyView,
  encodeView,
  type ViewState,
} from '../../../client/src/url-state';

function fullView(): ViewState {
  return {
    nodes: ['org:openai', 'model:gpt-4o', 'person:ilya sutskever', 'repo:github.com/a/b'],
    filters: {
      hiddenTypes: ['Post', 'Channel'],
      hiddenRels: ['MENTIONS'],
      dateFrom: '2024-01-01',
      dateTo: '2024-06-30',
    },
    layout: 'concentric',
    selected: 'model:gpt-4o',
    query: { name: 'top-models', params: { limit: '10', since: '2024-03', 'odd name&=': 'a b&c=d' } },
    path: { from: 'org:meta', to: 'model:llama 3' },
  };
}

describe('client url-state', () => {
  test('a full view survives encode then decode unchanged', () => {
    const view = fullView();
    expect(decodeView(encodeView(view))).toEqual(view);
  });

  test('decode accepts the search string with its leading question mark', () => {
    const view = fullView();
    expect(decodeView(`?${encodeView(view)}`)).toEqual(view);
  });

  test('the empty view encodes to an empty string and decodes back to the empty view', () => {
    expect(encodeView(emptyView())).toBe('');
    expect(decodeView('')).toEqual(emptyView());
  });

  test('keys with spaces, slashes, ampersands and non-Latin letters round-trip', () => {
    const view = { ...emptyView(), nodes: ['org:сбер ai', 'model:a/b&c=d', 'x:100%', 'ds:名字'] };
    expect(decodeView(encodeView(view)).nodes).toEqual(view.nodes);
  });

  test('the default layout is not written to the URL', () => {
    expect(encodeView({ ...emptyView(), layout: 'fcose' })).not.toContain('layout');
    expect(encodeView({ ...emptyView(), layout: 'circle' })).toContain('layout=circle');
  });

  test(`only the first ${MAX_URL_NODES} nodes are written`, () => {
    const nodes = Array.from({ length: MAX_URL_NODES + 25 }, (_, i) => `org:n${i}`);
    const decoded = decodeView(encodeView({ ...emptyView(), nodes }));
    expect(decoded.nodes).toEqual(nodes.slice(0, MAX_URL_NODES));
  });

  test('an unknown layout in a hand-edited link falls back to the default', () => {
    expect(decodeView('layout=spiral').layout).toBe('fcose');
  });

  test('malformed dates are dropped instead of reaching the filters', () => {
    const view = decodeView('from=2024-13&to=yesterday');
    expect(view.filters.dateFrom).toBeNull();
    expect(view.filters.dateTo).toBeNull();
  });

  test('duplicate and empty node keys are dropped, order kept', () => {
    expect(decodeView('n=b&n=a&n=&n=b').nodes).toEqual(['b', 'a']);
  });

  test('a path needs both ends', () => {
    expect(decodeView('pf=org:meta').path).toBeNull();
  });

  test('query params without a query name are ignored', () => {
    expect(decodeView('qp.limit=5').query).toBeNull();
  });
});
