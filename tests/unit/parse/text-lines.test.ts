import {
  dayLine,
  footerTime,
  isPostFooter,
  leadingEmoji,
  looksLikeTitle,
  stripLeadingEmoji,
} from '../../../ingest/parse/text-lines';
import { postTitle } from '../../../ingest/parse';

describe('text-lines: classifying lines of a copied channel page', () => {
  it('finds a leading emoji run with skin tones, joiners and flags', () => {
    expect(leadingEmoji('🙌🏻MvM-like title')).toBe('🙌🏻');
    expect(leadingEmoji('💃🏼🕺🏼 Two dancers')).toBe('💃🏼🕺🏼');
    expect(leadingEmoji('👩‍💻 Coding')).toBe('👩‍💻');
    expect(leadingEmoji('🇷🇺 News')).toBe('🇷🇺');
    expect(leadingEmoji('1. Not an emoji')).toBe('');
    expect(leadingEmoji('• bullet')).toBe('');
  });

  it('gives the title of a post as its first line without the leading emoji', () => {
    expect(stripLeadingEmoji('✈️Scalecast: a library')).toBe('Scalecast: a library');
    expect(postTitle('\n🥳 Все ждали!\nтекст')).toBe('Все ждали!');
  });

  it('takes short lines without final period or link for titles', () => {
    expect(looksLikeTitle('🔥 GPT-4o is here!')).toBe(true);
    expect(looksLikeTitle('🔥 TOP-10 conferences in May:')).toBe(true);
    expect(looksLikeTitle('🔥 This is a sentence.')).toBe(false);
    expect(looksLikeTitle('👉 Read it at https://x.org')).toBe(false);
    expect(looksLikeTitle(`🔥 ${'long '.repeat(40)}`)).toBe(false);
  });

  it('recognises post footers and reads their time', () => {
    expect(isPostFooter('1.2K views 10:15')).toBe(true);
    expect(isPostFooter('350 просмотров')).toBe(true);
    expect(isPostFooter('edited 18:40')).toBe(true);
    expect(isPostFooter('380 subscribers')).toBe(false);
    expect(isPostFooter('Meeting at 10:15 tomorrow')).toBe(false);
    expect(footerTime('980 views 09:05 PM')).toBe('21:05');
    expect(footerTime('12:30 AM')).toBe('00:30');
  });

  it('reads day lines, with a date only when the year is written', () => {
    expect(dayLine('March 3, 2024')).toEqual({ date: '2024-03-03' });
    expect(dayLine('3 мая 2024 г.')).toEqual({ date: '2024-05-03' });
    expect(dayLine('25.01.2022')).toEqual({ date: '2022-01-25' });
    expect(dayLine('4 марта')).toEqual({ date: null });
    expect(dayLine('Март в Москве')).toBeNull();
    expect(dayLine('10 моделей')).toBeNull();
  });
});
