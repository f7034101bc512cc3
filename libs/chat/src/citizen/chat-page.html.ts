import { CITIZEN_PAGE_STYLE, escapeHtml } from '@meldpunt/notifications';
import { CHAT_PAGE_TEXTS, type ChatLanguage } from './chat-page.texts';

const CHAT_STYLE = `input[type=text],input[type=email]{width:100%;font:inherit;padding:.5rem;box-sizing:border-box;border:1px solid #52606d;border-radius:4px}
textarea{border:1px solid #52606d;border-radius:4px;min-height:4rem}.opt{font-weight:400;color:#52606d}.hint{color:#52606d;font-size:.95rem;margin:.1rem 0}
ol#messages{list-style:none;padding:0;max-height:50vh;overflow-y:auto}ol#messages li{padding:.4rem .75rem;margin:0 0 .5rem;border-radius:6px;background:#e8f0fa}
ol#messages li.citizen{background:#eef2f5;margin-left:2rem}.who{font-weight:700}#typing{min-height:1.5rem;color:#52606d;font-style:italic;margin:0}
.error{color:#b00020;font-weight:700}button.secondary{background:#fff;color:#0b5394;border:2px solid #0b5394}`;

/**
 * The citizen's chat page (in the widget's frame, or on its own). Every state is in the page and
 * the script shows one: checking, start form, nobody online (with the web form), the
 * conversation, ended. Without script, it says so and links to the web form.
 */
export function renderChatPage(language: ChatLanguage, municipality: { code: string; name: string }): string {
  const t = CHAT_PAGE_TEXTS[language];
  const title = t.title.replace('{name}', municipality.name);
  const form = `/melden?gemeente=${encodeURIComponent(municipality.code)}&lang=${language}`;
  const formLink = `<a href="${escapeHtml(form)}" target="_top">${escapeHtml(t.form)}</a>`;
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title><style>${CITIZEN_PAGE_STYLE}
${CHAT_STYLE}</style></head>
<body><main class="wrap" id="chat" data-gemeente="${escapeHtml(municipality.code)}" data-lang="${language}" data-live="${escapeHtml(JSON.stringify(t.live))}">
<h1>${escapeHtml(title)}</h1>
<noscript><p>${escapeHtml(t.noScript)}</p><p>${formLink}</p></noscript>
<p id="checking">${escapeHtml(t.checking)}</p>
<section id="offline" hidden><p>${escapeHtml(t.offline)}</p><p>${formLink}</p></section>
<section id="start" hidden><form id="start-form">
<label for="name">${escapeHtml(t.name)} <span class="opt">(${escapeHtml(t.optional)})</span></label><input type="text" id="name" name="name" autocomplete="name" maxlength="200">
<label for="email">${escapeHtml(t.email)} <span class="opt">(${escapeHtml(t.optional)})</span></label><p class="hint" id="email-hint">${escapeHtml(t.emailHint)}</p><input type="email" id="email" name="email" autocomplete="email" maxlength="254" aria-describedby="email-hint">
<label for="first">${escapeHtml(t.first)}</label><textarea id="first" name="first" maxlength="2000" required></textarea>
<p class="error" id="start-error" role="alert"></p>
<button type="submit">${escapeHtml(t.start)}</button></form></section>
<section id="conversation" hidden aria-labelledby="status">
<p id="status" role="status"></p>
<ol id="messages" aria-live="polite"></ol>
<p id="typing" aria-live="polite"></p>
<form id="send-form"><label for="body">${escapeHtml(t.message)}</label><textarea id="body" name="body" maxlength="2000" required></textarea>
<button type="submit">${escapeHtml(t.send)}</button> <button type="button" class="secondary" id="leave">${escapeHtml(t.leave)}</button></form>
</section>
<section id="ended" hidden><p id="ended-text" role="status"></p></section>
</main>
<script src="/socket.io/socket.io.min.js"></script><script src="/chat/chat.js"></script></body></html>
`;
}
