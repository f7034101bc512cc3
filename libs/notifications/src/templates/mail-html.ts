import { escapeHtml, escapeLines, escapeUrl } from './escape-html';
import type { MailBlock, MailContent, MailFrame } from './mail-content';

// Inline styles and layout tables: what mail clients (Outlook included) render alike.
const ACCENT = '#0b5394';
const TEXT = 'font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933;';
const P = 'margin:0 0 16px;';

function block(b: MailBlock): string {
  switch (b.type) {
    case 'paragraph':
      return `<p style="${P}">${escapeLines(b.text)}</p>`;
    case 'heading':
      return `<h2 style="margin:24px 0 8px;font-size:18px;line-height:1.3;">${escapeHtml(b.text)}</h2>`;
    case 'quote':
      return `<blockquote style="margin:0 0 16px;padding:12px 16px;border-left:4px solid ${ACCENT};background:#f1f5f9;">${escapeLines(b.text)}</blockquote>`;
    case 'facts':
      return `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse;">${b.items
        .map(
          (item) =>
            `<tr><th scope="row" style="padding:4px 16px 4px 0;text-align:left;vertical-align:top;font-weight:bold;white-space:nowrap;">${escapeHtml(item.label)}</th><td style="padding:4px 0;vertical-align:top;">${escapeLines(item.value)}</td></tr>`,
        )
        .join('')}</table>`;
    case 'button':
      return `<p style="margin:8px 0 24px;"><a href="${escapeUrl(b.url)}" style="display:inline-block;padding:12px 20px;background:${ACCENT};color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;">${escapeHtml(b.label)}</a></p>`;
    case 'scale':
      return `<table role="presentation" cellpadding="0" cellspacing="4" style="margin:0 0 16px;"><tr>${b.items
        .map(
          (item, i) =>
            `<td style="text-align:center;vertical-align:top;width:20%;"><a href="${escapeUrl(item.url)}" style="display:block;padding:10px 4px;border:2px solid ${ACCENT};border-radius:4px;color:${ACCENT};text-decoration:none;font-weight:bold;"><span style="font-size:20px;">${i + 1}</span><br><span style="font-size:12px;">${escapeHtml(item.label)}</span></a></td>`,
        )
        .join('')}</tr></table>`;
  }
}

function header(frame: MailFrame): string {
  const name = escapeHtml(frame.municipalityName);
  const logo = frame.logoUrl
    ? `<img src="${escapeUrl(frame.logoUrl)}" alt="${name}" style="max-height:48px;max-width:240px;border:0;">`
    : `<span style="font-size:20px;font-weight:bold;color:${ACCENT};">${name}</span>`;
  return `<tr><td style="padding:20px 32px;border-bottom:4px solid ${ACCENT};">${logo}</td></tr>`;
}

/** The HTML part: one column, at most 600 px wide, readable without images. */
export function renderMailHtml(content: MailContent, frame: MailFrame): string {
  return `<!doctype html>
<html lang="${frame.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f2;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(content.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f2;"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:6px;${TEXT}">
${header(frame)}
<tr><td style="padding:24px 32px;">
<p style="${P}">${escapeHtml(frame.greeting)}</p>
${content.blocks.map(block).join('\n')}
<p style="margin:24px 0 0;">${escapeHtml(frame.signOff)}<br>${escapeLines(frame.signature)}</p>
</td></tr>
<tr><td style="padding:16px 32px;font-size:13px;line-height:1.4;color:#52606d;background:#f9f9f7;border-radius:0 0 6px 6px;">${escapeHtml(frame.footer)}</td></tr>
</table>
</td></tr></table>
</body>
</html>
`;
}
