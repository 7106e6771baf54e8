import type { CaughtMessage } from "./mail-catcher-messages.ts";

/** Everything shown comes from whoever sent the mail, so every value goes through here. */
export function escapeHtml(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

const pageStyle = `
  body { font: 16px/1.5 system-ui, sans-serif; color: #1f2937; background: #fff; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem; }
  a { color: #1d4ed8; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .5rem; border-bottom: 1px solid #d1d5db; vertical-align: top; }
  th { background: #f3f4f6; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f4f6; padding: 1rem; border-radius: 4px; }
  iframe { width: 100%; height: 70vh; border: 1px solid #d1d5db; border-radius: 4px; background: #fff; }
  dt { font-weight: 600; } dd { margin: 0 0 .5rem; overflow-wrap: anywhere; }
  .muted { color: #4b5563; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${pageStyle}</style></head>
<body>${body}</body>
</html>`;
}

function formatReceivedAt(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

export function renderInboxPage(messages: CaughtMessage[], smtpUrl: string): string {
  const rows = messages
    .map(
      (m) => `<tr>
  <td><time datetime="${escapeHtml(m.receivedAt)}">${escapeHtml(formatReceivedAt(m.receivedAt))}</time></td>
  <td>${escapeHtml(m.to.join(", "))}</td>
  <td><a href="/messages/${encodeURIComponent(m.id)}">${escapeHtml(m.subject || "(no subject)")}</a></td>
</tr>`,
    )
    .join("\n");
  const list = messages.length
    ? `<table><caption class="muted">Newest first</caption>
<thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead>
<tbody>${rows}</tbody></table>`
    : `<p>No messages yet. Send mail to <code>${escapeHtml(smtpUrl)}</code>, then <a href="/">refresh</a>.</p>`;
  const count = `${messages.length} message${messages.length === 1 ? "" : "s"}`;
  return page(
    `Mail catcher (${count})`,
    `<header><h1>Mail catcher</h1><p class="muted">${count} held in memory. <a href="/">Refresh</a> · <a href="/api/messages">JSON</a></p></header>
<main>${list}</main>`,
  );
}

export function renderMessagePage(message: CaughtMessage): string {
  const headerRows = Object.entries(message.headers)
    .map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join("\n");
  // No allow-scripts and no allow-same-origin: the email cannot run code or reach this page. Popups are
  // allowed so links (react-email opens them in a new tab) can be followed, e.g. a confirmation link.
  const htmlPart = message.html
    ? `<iframe title="HTML version of the message" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(message.html)}"></iframe>`
    : `<p class="muted">This message has no HTML part.</p>`;
  const textPart = message.text ? `<pre>${linkify(message.text)}</pre>` : `<p class="muted">This message has no text part.</p>`;
  return page(
    message.subject || "(no subject)",
    `<p><a href="/">← Back to the inbox</a></p>
<main>
<h1>${escapeHtml(message.subject || "(no subject)")}</h1>
<dl>
  <dt>From</dt><dd>${escapeHtml(message.from)}</dd>
  <dt>To</dt><dd>${escapeHtml(message.to.join(", "))}</dd>
  <dt>Received</dt><dd><time datetime="${escapeHtml(message.receivedAt)}">${escapeHtml(formatReceivedAt(message.receivedAt))}</time></dd>
</dl>
<h2>Plain text</h2>
${textPart}
<h2>HTML</h2>
${htmlPart}
<h2>Headers</h2>
<table><tbody>${headerRows}</tbody></table>
<p><a href="/api/messages/${encodeURIComponent(message.id)}">This message as JSON</a></p>
</main>`,
  );
}

export function renderNotFoundPage(explanation: string): string {
  return page("Not found", `<h1>Not found</h1><p>${escapeHtml(explanation)} <a href="/">Back to the inbox</a></p>`);
}

/**
 * Turns web addresses in the text part into links, so a confirmation link can be clicked during a demo.
 * Trailing punctuation stays outside the link, as a reader would expect.
 */
function linkify(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>"']+)/g)
    .map((part, index) => {
      if (index % 2 === 0) return escapeHtml(part);
      const [, url, trailing] = part.match(/^(.*?)([.,;:!?)\]]*)$/) ?? [part, part, ""];
      return `<a href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(url)}</a>${escapeHtml(trailing)}`;
    })
    .join("");
}
