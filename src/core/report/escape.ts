/** Escapes text from audited sites for HTML: they are data, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Escapes text for a Markdown table cell: no markup, no raw HTML, no pipes or line breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`)
    .trim();
}

/** A URL safe to put in a Markdown link or an href: http(s) only, brackets and quotes encoded. */
export function safeUrl(url: string): string {
  if (!/^https?:\/\//i.test(url)) return '#';
  return url.replace(/[()<>"' ]/g, (c) => encodeURIComponent(c));
}
