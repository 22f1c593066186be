import { describe, expect, it } from 'vitest';
import { analystHref, embedSnippet, embedSrc, isEmbed } from '../../src/ui/embed';

describe('embed links and snippet', () => {
  it('reads embed=1 only', () => {
    expect(isEmbed('?mode=public&embed=1')).toBe(true);
    expect(isEmbed('?embed=0')).toBe(false);
    expect(isEmbed('?mode=public')).toBe(false);
  });

  it('adds embed=1 and keeps the step; the analyst link drops mode, embed and the step', () => {
    const page = 'https://city.example/lens/?mode=public&config=a.json#step=s/2';
    expect(embedSrc(page)).toBe('https://city.example/lens/?mode=public&config=a.json&embed=1#step=s/2');
    expect(analystHref(embedSrc(page), false)).toBe('https://city.example/lens/?config=a.json');
    expect(analystHref('https://city.example/lens/?embed=1#view=12/40.7/-74', true)).toBe('https://city.example/lens/#view=12/40.7/-74');
  });

  it('writes the iframe with the title and src as attribute text, never markup', () => {
    expect(embedSnippet('https://x.example/?a=1&embed=1', 'Bikes "&" <b>bins</b>')).toBe(
      '<iframe src="https://x.example/?a=1&amp;embed=1" title="Bikes &quot;&amp;&quot; &lt;b&gt;bins&lt;/b&gt;" width="100%" height="480" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups"></iframe>',
    );
  });
});
