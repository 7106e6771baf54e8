// Small HTML helpers of index.html. Every value goes through escapeHtml: names, descriptions and data
// come from connector configuration and from the person's own records, neither of which is markup.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A relative link that survives any character a category name may hold (each segment is URL-encoded). */
export function fileLink(zipPath: string, label: string): string {
  const href = zipPath.split("/").map(encodeURIComponent).join("/");
  return `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
}

export function listOf(items: string[]): string {
  return `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
}

/** A definition list from [term, already-rendered HTML] pairs. */
export function definitions(rows: Array<[string, string]>): string {
  return `<dl>${rows.map(([term, html]) => `<dt>${escapeHtml(term)}</dt><dd>${html}</dd>`).join("")}</dl>`;
}
