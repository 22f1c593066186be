// Story text: paragraphs, *emphasis* and [links](https://…) to a tree of text nodes; anything
// else stays the characters it is, and a link that is not https is refused (its label kept).
import { describe, expect, it } from 'vitest';
import { parseStoryText, plainText } from '../../src/config/story-text';

const text = (t: string) => ({ type: 'text', text: t });
const para = (...children: unknown[]) => ({ type: 'paragraph', children });

describe('story text', () => {
  it('splits paragraphs at blank lines and joins the lines of one with spaces', () => {
    expect(parseStoryText('First line\nsame paragraph.\n\n  \nSecond.\r\n\r\nThird').paragraphs).toEqual([
      para(text('First line same paragraph.')),
      para(text('Second.')),
      para(text('Third')),
    ]);
    expect(parseStoryText('\n\n').paragraphs).toEqual([]);
  });

  it('reads *emphasis* and https links, emphasis inside a link and a link inside emphasis', () => {
    expect(parseStoryText('Stations run *empty* at 8 am.').paragraphs).toEqual([
      para(text('Stations run '), { type: 'emphasis', children: [text('empty')] }, text(' at 8 am.')),
    ]);
    expect(parseStoryText('See [the *open* data](https://opendata.cityofnewyork.us/) now').paragraphs).toEqual([
      para(text('See '), { type: 'link', href: 'https://opendata.cityofnewyork.us/', children: [text('the '), { type: 'emphasis', children: [text('open')] }, text(' data')] }, text(' now')),
    ]);
    expect(parseStoryText('*read [this](https://a.example/x)*').paragraphs).toEqual([
      para({ type: 'emphasis', children: [text('read '), { type: 'link', href: 'https://a.example/x', children: [text('this')] }] }),
    ]);
  });

  it('keeps everything else as the characters it is: HTML, **, lone stars, brackets, escapes', () => {
    const literal = ['<b>bold</b> & <script>x()</script>', '**not bold**', '5 * 3 = 15', 'a * b*', '[no link]', '[half](', '# heading'];
    for (const s of literal) expect(parseStoryText(s).paragraphs, s).toEqual([para(text(s))]);
    expect(parseStoryText('\\*literal\\* and \\[x\\](https://a.example)').paragraphs).toEqual([para(text('*literal* and [x](https://a.example)'))]);
    expect(parseStoryText('<b>x</b>').problems).toEqual([]);
  });

  it('refuses links that are not https, keeping their label as text', () => {
    for (const href of ['http://example.org', 'javascript:alert(1)', 'data:text/html,x', '/relative', 'https://', 'https://exa mple.org']) {
      const parsed = parseStoryText(`Go [there](${href}).`);
      expect(parsed.problems, href).toEqual([{ href }]);
      expect(parsed.paragraphs, href).toEqual([para(text('Go '), text('there'), text('.'))]);
    }
  });

  it('reads as plain text for screen readers and print', () => {
    const { paragraphs } = parseStoryText('A *b* [c](https://x.example) d');
    expect(plainText(paragraphs)).toBe('A b c d');
  });
});
