/** escapeHtml neutralises markup; jsonForScript cannot close its <script> element and still parses back. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript } from '../../reports/escape.js';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('turns the payloads from the hostile fixture into inert text', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml('"><img src=x onerror=alert(1)>')).toBe('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('escapes & first, so existing entities are shown literally', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });

  it('never leaves a < > or quote in its output', () => {
    fc.assert(fc.property(fc.string(), (s) => !/[<>"']/.test(escapeHtml(s))));
  });
});

describe('jsonForScript', () => {
  it('escapes </ as <\\/ so no string can end the script element', () => {
    const out = jsonForScript({ title: '</script><script>alert(1)</script>' });
    expect(out).not.toContain('</');
    expect(out).toContain('<\\/script>');
  });

  it('escapes <!-- so the parser never enters its escaped-comment state', () => {
    expect(jsonForScript('<!-- x')).toBe('"\\u003c!-- x"');
  });

  it('escapes U+2028 and U+2029', () => {
    expect(jsonForScript('a\u2028b\u2029c')).toBe('"a\\u2028b\\u2029c"');
  });

  it('gives JSON that parses back to the same value, with none of the dangerous sequences', () => {
    const dangerous = fc.constantFrom(
      '</',
      '</script>',
      '<!--',
      '-->',
      '\u2028',
      '\u2029',
      '<script>',
      '"',
      '\\',
    );
    const text = fc.array(fc.oneof(fc.string(), dangerous)).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.jsonValue(), text, (value, s) => {
        const input = { value, s, [s]: s };
        const out = jsonForScript(input);
        expect(out).not.toMatch(/<\/|<!--|\u2028|\u2029/);
        expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(input)));
      }),
    );
  });
});
