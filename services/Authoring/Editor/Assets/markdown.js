// A small Markdown renderer for the preview when the server's renderer cannot be reached. It
// covers what articles use (headings, paragraphs, quotes, lists, code, emphasis, links) and builds
// DOM nodes with text content only: raw HTML in the body shows up as text, never as markup.

import { h } from './dom.js';

/** Block-level nodes for `markdown`. */
export function renderMarkdown(markdown) {
  return blocks(String(markdown ?? '').replace(/\r\n?/g, '\n').split('\n'));
}

const heading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const rule = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const fence = /^ {0,3}(`{3,}|~{3,})/;
const quote = /^ {0,3}> ?/;
const bullet = /^ {0,3}[-*+][ \t]+/;
const numbered = /^ {0,3}(\d{1,9})[.)][ \t]+/;
const blank = /^[ \t]*$/;

function blocks(lines) {
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (blank.test(line)) { i++; continue; }

    const fenced = fence.exec(line);
    if (fenced) {
      const code = [];
      i++;
      while (i < lines.length && !lines[i].trimStart().startsWith(fenced[1])) code.push(lines[i++]);
      i++;
      out.push(h('pre', {}, h('code', {}, code.join('\n'))));
      continue;
    }
    const title = heading.exec(line);
    if (title) {
      out.push(h(`h${title[1].length}`, {}, inline(title[2] ?? '')));
      i++;
      continue;
    }
    if (rule.test(line)) { out.push(h('hr')); i++; continue; }
    if (quote.test(line)) {
      const inner = [];
      while (i < lines.length && !blank.test(lines[i]) && (quote.test(lines[i]) || inner.length > 0)) {
        inner.push(lines[i].replace(quote, ''));
        i++;
      }
      out.push(h('blockquote', {}, blocks(inner)));
      continue;
    }
    if (bullet.test(line) || numbered.test(line)) {
      const ordered = numbered.test(line);
      const marker = ordered ? numbered : bullet;
      const items = [];
      while (i < lines.length && marker.test(lines[i])) {
        let text = lines[i].replace(marker, '');
        i++;
        while (i < lines.length && !blank.test(lines[i]) && /^[ \t]{2,}/.test(lines[i]) && !marker.test(lines[i])) text += `\n${lines[i++].trim()}`;
        items.push(h('li', {}, inline(text)));
      }
      const start = ordered ? Number(numbered.exec(line)[1]) : 1;
      out.push(h(ordered ? 'ol' : 'ul', ordered && start !== 1 ? { start } : {}, items));
      continue;
    }
    const paragraph = [];
    while (i < lines.length && !blank.test(lines[i]) && !startsBlock(lines[i])) paragraph.push(lines[i++]);
    out.push(h('p', {}, inline(paragraph.join('\n'))));
  }
  return out;
}

const startsBlock = (line) => heading.test(line) || fence.test(line) || quote.test(line) || rule.test(line) || bullet.test(line);

// Inline rules, tried in this order at every position; the earliest match wins.
const inlineRules = [
  { re: /\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/, make: (m) => m[1] },
  { re: /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/, make: (m) => h('code', {}, m[2].replace(/\n/g, ' ')) },
  { re: /!\[([^\]]*)\]\(([^()\s]*)(?:\s+"[^"]*")?\)/, make: (m) => `[image: ${m[1] || m[2]}]` },
  { re: /\[([^\]]+)\]\(([^()\s]*)(?:\s+"[^"]*")?\)/, make: (m) => (safeHref(m[2]) ? h('a', { href: m[2] }, inline(m[1])) : inline(m[1])) },
  { re: /<((?:https?:\/\/|mailto:)[^<>\s]+)>/i, make: (m) => h('a', { href: m[1] }, m[1]) },
  { re: /(\*\*|__)(?=\S)([\s\S]*?\S)\1/, make: (m) => h('strong', {}, inline(m[2])) },
  { re: /(\*|_)(?=\S)([\s\S]*?\S)\1/, make: (m) => h('em', {}, inline(m[2])) },
  { re: /(?: {2,}|\\)\n/, make: () => h('br') },
];

function inline(text) {
  const out = [];
  let rest = text;
  while (rest.length > 0) {
    let best = null;
    for (const rule of inlineRules) {
      const match = rule.re.exec(rest);
      if (match && (best === null || match.index < best.match.index)) best = { rule, match };
    }
    if (!best) { out.push(rest); break; }
    if (best.match.index > 0) out.push(rest.slice(0, best.match.index));
    out.push(best.rule.make(best.match));
    rest = rest.slice(best.match.index + best.match[0].length);
  }
  return out.flat();
}

/** Web and mail links, and paths on this site; never javascript:, data: or the like. */
export function safeHref(url) {
  return /^(https?:\/\/|mailto:)/i.test(url) || (url.startsWith('/') && !url.startsWith('//')) || url.startsWith('#');
}
