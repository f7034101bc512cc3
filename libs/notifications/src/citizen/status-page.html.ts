import { MAIL_LANGUAGES, type MailLanguage } from '../notification-kind';
import { dateInWords, deadlineInWords } from '../templates/deadline-words';
import { escapeHtml, escapeLines, escapeUrl } from '../templates/escape-html';
import { WORDS } from '../templates/mail-words';
import type { CitizenPage } from './citizen-tickets';
import type { PublicTicketView } from './public-ticket.view';
import { LANGUAGE_NAMES, STATUS_PAGE_TEXTS, type StatusPageTexts } from './status-page.texts';

export interface StatusPageOptions {
  token: string;
  /** What the citizen just did, to thank them for it. */
  done?: 'reply' | 'feedback';
  /** The score chosen in the e-mail, preselected in the form. */
  score?: number;
  now?: Date;
}

// Plain, fast, accessible: no script, no external resources but the municipality's logo, system
// fonts, large targets, visible focus, and contrast above WCAG AA.
const STYLE = `body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2933;background:#f4f4f2}
.wrap{max-width:42rem;margin:0 auto;padding:0 1rem}header{background:#fff;border-bottom:4px solid #0b5394;padding:1rem 0}
header .name{font-size:1.25rem;font-weight:700;color:#0b5394}header img{max-height:3rem}main{background:#fff;margin:1rem auto;padding:1rem 1.5rem 2rem;border-radius:6px}
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.25rem;margin-top:2rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:700}dd{margin:0}
.status{font-size:1.1rem;padding:.75rem 1rem;background:#e8f0fa;border-left:4px solid #0b5394}.notice{padding:.75rem 1rem;background:#e6f4ea;border-left:4px solid #1e7d32}
ol.messages{list-style:none;padding:0}ol.messages li{border-left:4px solid #9aa5b1;padding:.25rem 1rem;margin:0 0 1rem}ol.messages li.municipality{border-color:#0b5394}
.meta{color:#52606d;font-size:.9rem;margin:0}.question{background:#fff8e1;border-left:4px solid #b26a00;padding:.75rem 1rem}
label,legend{display:block;font-weight:700;margin:.75rem 0 .25rem}textarea{width:100%;min-height:8rem;font:inherit;padding:.5rem;box-sizing:border-box}
fieldset{border:0;padding:0;margin:0}.scale label{display:inline-block;font-weight:400;margin:.25rem 1rem .25rem 0}
button{font:inherit;font-weight:700;color:#fff;background:#0b5394;border:0;border-radius:4px;padding:.6rem 1.2rem;margin-top:.75rem;cursor:pointer}
a:focus,button:focus,textarea:focus,input:focus{outline:3px solid #b26a00;outline-offset:2px}.lang{text-align:right;font-size:.9rem}footer{color:#52606d;font-size:.9rem;padding-bottom:2rem}`;

function when(iso: string, language: MailLanguage, timeZone: string, now: Date): string {
  const time = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : `${language}-BE`, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
  return `${dateInWords(new Date(iso), language, timeZone, now)}, ${time}`;
}

function messages(view: PublicTicketView, t: StatusPageTexts, timeZone: string, now: Date): string {
  if (!view.messages.length) return `<p>${escapeHtml(t.noMessages)}</p>`;
  const items = view.messages.map((m) => {
    const who = m.from === 'citizen' ? t.you : view.municipality.name;
    const type = m.type === 'message' ? '' : ` · ${t.types[m.type]}`;
    return `<li class="${m.from}"><p class="meta">${escapeHtml(who)} · ${escapeHtml(when(m.at, view.language as MailLanguage, timeZone, now))}${escapeHtml(type)}</p><p>${escapeLines(m.body)}</p></li>`;
  });
  return `<ol class="messages">${items.join('')}</ol>`;
}

function replyForm(view: PublicTicketView, t: StatusPageTexts, action: string): string {
  if (!view.canReply) return '';
  const [heading, label] =
    view.status === 'waiting_for_citizen'
      ? t.reply.answer
      : view.status === 'resolved'
        ? t.reply.reopen
        : t.reply.add;
  const question = view.openQuestion
    ? `<div class="question"><p class="meta">${escapeHtml(t.openQuestion)}</p><p>${escapeLines(view.openQuestion)}</p></div>`
    : '';
  return `<section aria-labelledby="answer"><h2 id="answer">${escapeHtml(heading)}</h2>${question}
<form method="post" action="${escapeHtml(action)}"><label for="body">${escapeHtml(label)}</label>
<textarea id="body" name="body" required maxlength="10000"></textarea><button type="submit">${escapeHtml(t.reply.send)}</button></form></section>`;
}

function feedbackForm(
  view: PublicTicketView,
  t: StatusPageTexts,
  action: string,
  language: MailLanguage,
  score?: number,
): string {
  if (!view.canGiveFeedback) return '';
  const given = view.feedback ? `<p>${escapeHtml(t.feedback.given(view.feedback.score))}</p>` : '';
  const chosen = score ?? view.feedback?.score;
  const options = WORDS[language].scale
    .map(
      (label, i) =>
        `<label><input type="radio" name="score" value="${i + 1}" required${chosen === i + 1 ? ' checked' : ''}> ${i + 1} – ${escapeHtml(label)}</label>`,
    )
    .join('');
  return `<section aria-labelledby="feedback"><h2 id="feedback">${escapeHtml(t.feedback.heading)}</h2>${given}
<form method="post" action="${escapeHtml(action)}"><fieldset class="scale"><legend>${escapeHtml(t.feedback.legend)}</legend>${options}</fieldset>
<label for="comment">${escapeHtml(t.feedback.comment)}</label><textarea id="comment" name="comment" maxlength="2000"></textarea>
<button type="submit">${escapeHtml(t.feedback.send)}</button></form></section>`;
}

/** The citizen's status page, in their language, with the forms that fit the ticket's state. */
export function renderStatusPage(page: CitizenPage, options: StatusPageOptions): string {
  const { view, profile, language } = page;
  const t = STATUS_PAGE_TEXTS[language];
  const now = options.now ?? new Date();
  const base = `/status/${encodeURIComponent(options.token)}`;
  const title = t.title(WORDS[language].noun[view.kind as 'report'], view.reference);
  const [label, explanation] = t.status[view.status as 'new'];
  const expected =
    view.resolutionDueAt && ['new', 'in_progress', 'waiting_for_citizen'].includes(view.status)
      ? `<dt>${escapeHtml(t.labels.expected)}</dt><dd>${escapeHtml(deadlineInWords(new Date(view.resolutionDueAt), language, profile.timeZone, now))}</dd>`
      : '';
  const languages = MAIL_LANGUAGES.filter((l) => l !== language)
    .map((l) => `<a href="${base}?lang=${l}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l]}</a>`)
    .join(' · ');
  const logo = profile.logoUrl
    ? `<img src="${escapeUrl(profile.logoUrl)}" alt="${escapeHtml(view.municipality.name)}">`
    : `<span class="name">${escapeHtml(view.municipality.name)}</span>`;
  const done = options.done ? `<p class="notice" role="status">${escapeHtml(t.done[options.done])}</p>` : '';
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(`${title} – ${view.municipality.name}`)}</title><style>${STYLE}</style></head>
<body><header><div class="wrap">${logo}</div></header>
<main class="wrap"><p class="lang">${escapeHtml(t.language)}: ${languages}</p>${done}
<h1>${escapeHtml(title)}</h1>
<p class="status"><strong>${escapeHtml(t.labels.status)}: ${escapeHtml(label)}</strong><br>${escapeHtml(explanation)}</p>
<dl><dt>${escapeHtml(t.labels.category)}</dt><dd>${escapeHtml(view.category.name)}</dd><dt>${escapeHtml(t.labels.received)}</dt><dd>${escapeHtml(dateInWords(new Date(view.createdAt), language, profile.timeZone, now))}</dd>${expected}</dl>
${replyForm(view, t, `${base}/reply?lang=${language}`)}
<h2 id="messages">${escapeHtml(t.messages)}</h2>${messages(view, t, profile.timeZone, now)}
${feedbackForm(view, t, `${base}/feedback?lang=${language}`, language, options.score)}
</main><footer class="wrap"><p>${escapeHtml(t.personal)}</p></footer></body></html>
`;
}
