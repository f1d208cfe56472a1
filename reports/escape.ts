/**
 * The two escapes the report page relies on: text into HTML, and JSON into a <script> element
 * without letting any string close the element or open an HTML comment.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and for quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * JSON that is safe inside <script type="application/json">: `</` becomes `<\/` (so no
 * `</script>` can end the element), `<!--` becomes `\u003c!--` (so the parser never enters its
 * escaped-comment state), and U+2028/U+2029 become escapes (they end lines in old JS engines).
 * The result is still valid JSON that parses back to the same value.
 */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null';
  return json
    .replace(/<\//g, '<\\/')
    .replace(/<!--/g, '\\u003c!--')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
