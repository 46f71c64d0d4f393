import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';
import { highlight } from './highlight';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);
}

function codeBlock({ text, lang }: Tokens.Code): string {
  const language = (lang ?? '').split(/\s/)[0] ?? '';
  const body = highlight(text, language) ?? escapeHtml(text);
  const label = language ? `<span class="code-language">${escapeHtml(language)}</span>` : '';
  // The button works through one delegated click handler (see Markdown.svelte).
  return (
    `<div class="code-block"><div class="code-bar">${label}` +
    `<button type="button" class="code-copy" data-copy-code>Copy</button></div>` +
    `<pre><code class="hljs">${body}</code></pre></div>`
  );
}

const marked = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    code: codeBlock,
    // Replies are text: HTML written by the model is shown as written, never interpreted.
    html: ({ text }) => escapeHtml(text),
    // Remote images are blocked by the CSP and could track readers; offer them as links.
    image: ({ href, text }) => `<a href="${escapeHtml(href)}">${escapeHtml(text || href)}</a>`,
  },
});

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** Sanitized HTML for an assistant's Markdown reply. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  return DOMPurify.sanitize(html, { FORBID_TAGS: ['style', 'form', 'img'] });
}
