import fs from 'node:fs';
import path from 'node:path';
import {
  cutAtSpan,
  findSentence,
  splitByRanges,
  splitByTerms,
  type TextPart,
} from '../../../client/src/highlight';

const joined = (parts: TextPart[]) => parts.map((p) => p.text).join('');
const marked = (parts: TextPart[]) => parts.filter((p) => p.marked).map((p) => p.text);

describe('client evidence highlighting (splitByTerms)', () => {
  test('marks every case-insensitive occurrence and keeps the original casing', () => {
    const parts = splitByTerms('OpenAI released GPT-4o; openai says gpt-4o is fast.', ['OpenAI', 'GPT-4o']);
    expect(marked(parts)).toEqual(['OpenAI', 'GPT-4o', 'openai', 'gpt-4o']);
  });

  test('the parts joined give back the sentence exactly', () => {
    const sentence = 'Meta выпустила Llama 3 (8B и 70B), а Llama 2 осталась.';
    expect(joined(splitByTerms(sentence, ['Llama', 'Llama 3', 'Meta']))).toBe(sentence);
  });

  test('the longest term wins where terms overlap', () => {
    expect(marked(splitByTerms('Llama 3 beats Llama 2', ['Llama', 'Llama 3']))).toEqual(['Llama 3', 'Llama']);
  });

  test('regex characters in terms are matched literally', () => {
    const parts = splitByTerms('C++ (and c.a) but not cxa', ['C++', 'c.a']);
    expect(marked(parts)).toEqual(['C++', 'c.a']);
  });

  test('one-letter and blank terms are ignored', () => {
    expect(splitByTerms('a cat', ['a', ' ', ''])).toEqual([{ text: 'a cat', marked: false }]);
  });

  test('markup in the sentence stays literal text and no markup is added', () => {
    const sentence = '<img src=x onerror="alert(1)"> GPT-4o &amp; <script>alert(2)</script>';
    const parts = splitByTerms(sentence, ['GPT-4o', 'script']);
    expect(joined(parts)).toBe(sentence);
    // Only characters of the input appear: nothing escaped, nothing wrapped in tags.
    for (const part of parts) expect(sentence).toContain(part.text);
    expect(parts.some((p) => /<mark|&lt;/.test(p.text))).toBe(false);
    expect(marked(parts)).toEqual(['GPT-4o', 'script', 'script']);
  });

  test('an empty sentence gives no parts', () => {
    expect(splitByTerms('', ['GPT'])).toEqual([]);
  });
});

describe('client mention highlighting (splitByRanges)', () => {
  const text = 'Anthropic released Claude 3 today.';

  test('marks the given ranges with their titles and keeps the rest as plain text', () => {
    const parts = splitByRanges(text, [
      { start: 19, end: 27, title: 'Claude 3 (Model)' },
      { start: 0, end: 9, title: 'Anthropic (Organization)' },
    ]);
    expect(parts).toEqual([
      { text: 'Anthropic', marked: true, title: 'Anthropic (Organization)' },
      { text: ' released ', marked: false },
      { text: 'Claude 3', marked: true, title: 'Claude 3 (Model)' },
      { text: ' today.', marked: false },
    ]);
  });

  test('ranges outside the text, empty or reversed are ignored', () => {
    const parts = splitByRanges(text, [
      { start: -1, end: 3 },
      { start: 5, end: 5 },
      { start: 9, end: 2 },
      { start: 30, end: 99 },
    ]);
    expect(parts).toEqual([{ text, marked: false }]);
  });

  test('of overlapping ranges the one starting first is kept', () => {
    const parts = splitByRanges(text, [
      { start: 19, end: 25 },
      { start: 19, end: 27 },
      { start: 22, end: 27 },
    ]);
    expect(marked(parts)).toEqual(['Claude']);
    expect(joined(parts)).toBe(text);
  });
});

describe('client source never writes HTML strings into the page', () => {
  test('no innerHTML, outerHTML, insertAdjacentHTML or document.write in client/src', () => {
    const root = path.resolve(__dirname, '../../../client/src');
    const offenders: string[] = [];
    let scanned = 0;
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.ts$/.test(entry.name)) {
          scanned += 1;
          const code = fs.readFileSync(full, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
          if (/\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write)\b/.test(code))
            offenders.push(path.relative(root, full));
        }
      }
    };
    walk(root);
    expect(scanned).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});

describe('the evidence sentence in the post text (findSentence, cutAtSpan)', () => {
  const text = 'Intro line.\nMeta released SAM,\na segmentation model. Outro.';

  test('finds the sentence exactly, or with other white space, or not at all', () => {
    expect(findSentence(text, 'Intro line.')).toEqual({ start: 0, end: 11 });
    const loose = findSentence(text, 'Meta released SAM, a segmentation model.');
    expect(loose && text.slice(loose.start, loose.end)).toBe('Meta released SAM,\na segmentation model.');
    expect(findSentence(text, 'Google released Gemini.')).toBeNull();
    expect(findSentence(text, '  ')).toBeNull();
  });

  test('cuts mention parts at the sentence, keeping the marks and the text', () => {
    const parts = splitByRanges(text, [
      { start: 12, end: 16, title: 'Meta' },
      { start: 26, end: 29, title: 'SAM' },
    ]);
    const span = findSentence(text, 'Meta released SAM, a segmentation model.')!;
    const cut = cutAtSpan(parts, span.start, span.end);
    expect(joined(cut)).toBe(text);
    expect(
      cut
        .filter((p) => p.inSpan)
        .map((p) => p.text)
        .join(''),
    ).toBe('Meta released SAM,\na segmentation model.');
    expect(cut.filter((p) => p.inSpan && p.marked).map((p) => p.text)).toEqual(['Meta', 'SAM']);
    expect(cut.filter((p) => !p.inSpan).map((p) => p.text)).toEqual(['Intro line.\n', ' Outro.']);
  });
});
