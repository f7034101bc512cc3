import { MAIL_LANGUAGES, type MailLanguage } from '../notification-kind';
import { dateInWords, deadlineInWords } from '../templates/deadline-words';
import { escapeHtml, escapeLines, escapeUrl } from '../templates/escape-html';
import { WORDS } from '../templates/mail-words';
import type { CitizenPage } from './citizen-tickets';
import { CITIZEN_PAGE_STYLE as STYLE } from './page-style';
import type { PublicTicketView } from './public-ticket.view';
import { LANGUAGE_NAMES, STATUS_PAGE_TEXTS, type StatusPageTexts } from './status-page.texts';

export interface StatusPageOptions {
  token: string;
  /** What the citizen just did, to thank them for it. */
  done?: 'reply' | 'feedback' | 'report';
  /** The score chosen in the e-mail, preselected in the form. */
  score?: number;
  now?: Date;
}

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
  const [label, explanation] = view.merged
    ? t.merged[view.merged.resolved ? 'resolved' : 'following']
    : t.status[view.status as 'new'];
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
