import type { PartyAccess } from '@meldpunt/forwards';
import { MAIL_LANGUAGES, type MailLanguage } from '../notification-kind';
import { CITIZEN_PAGE_STYLE as STYLE } from '../citizen/page-style';
import { LANGUAGE_NAMES } from '../citizen/status-page.texts';
import { escapeHtml, escapeLines } from '../templates/escape-html';

const TEXT: Record<
  MailLanguage,
  {
    title: (reference: string) => string;
    from: (municipality: string) => string;
    labels: { category: string; place: string; description: string };
    answers: string;
    answer: string;
    send: string;
    closed: string;
    done: string;
    language: string;
    personal: string;
  }
> = {
  nl: {
    title: (reference) => `Vraag over melding ${reference}`,
    from: (municipality) => `${municipality} vraagt:`,
    labels: { category: 'Onderwerp', place: 'Plaats', description: 'Melding' },
    answers: 'Jullie antwoorden',
    answer: 'Jullie antwoord',
    send: 'Antwoord versturen',
    closed: 'Deze melding is afgesloten: er kan niet meer geantwoord worden.',
    done: 'Bedankt: je antwoord is bij de medewerker die de melding opvolgt.',
    language: 'Taal',
    personal: 'Deze pagina is alleen voor jullie bedoeld: deel de link niet.',
  },
  fr: {
    title: (reference) => `Question sur le signalement ${reference}`,
    from: (municipality) => `${municipality} demande\u00a0:`,
    labels: { category: 'Objet', place: 'Lieu', description: 'Signalement' },
    answers: 'Vos réponses',
    answer: 'Votre réponse',
    send: 'Envoyer la réponse',
    closed: 'Ce signalement est clôturé\u00a0: il n’est plus possible de répondre.',
    done: 'Merci\u00a0: votre réponse est parvenue à l’agent qui suit le signalement.',
    language: 'Langue',
    personal: 'Cette page vous est réservée\u00a0: ne partagez pas le lien.',
  },
  en: {
    title: (reference) => `Question about report ${reference}`,
    from: (municipality) => `${municipality} asks:`,
    labels: { category: 'Subject', place: 'Place', description: 'Report' },
    answers: 'Your answers',
    answer: 'Your answer',
    send: 'Send the answer',
    closed: 'This report is closed: answers are no longer taken.',
    done: 'Thank you: your answer has reached the officer handling the report.',
    language: 'Language',
    personal: 'This page is meant for you only: please do not share the link.',
  },
};

export interface PartyPage {
  access: PartyAccess;
  municipalityName: string;
  categoryName: string;
  place: string | null;
  answers: { at: Date; body: string }[];
  open: boolean;
}

/** The party's page: the question, what it is about, its answers so far and the form for the next. */
export function renderPartyPage(
  page: PartyPage,
  options: { token: string; language: MailLanguage; done: boolean },
): string {
  const t = TEXT[options.language];
  const { forward, ticket } = page.access;
  const base = `/extern/${encodeURIComponent(options.token)}`;
  const title = t.title(ticket.reference);
  const languages = MAIL_LANGUAGES.filter((l) => l !== options.language)
    .map((l) => `<a href="${base}?lang=${l}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l]}</a>`)
    .join(' · ');
  const facts = [
    [t.labels.category, page.categoryName],
    ...(page.place ? [[t.labels.place, page.place]] : []),
  ]
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const answers = page.answers.length
    ? `<h2 id="answers">${escapeHtml(t.answers)}</h2><ol class="messages">${page.answers
        .map((a) => `<li class="citizen"><p>${escapeLines(a.body)}</p></li>`)
        .join('')}</ol>`
    : '';
  const form = page.open
    ? `<form method="post" action="${escapeHtml(`${base}/answer?lang=${options.language}`)}"><label for="body">${escapeHtml(t.answer)}</label>
<textarea id="body" name="body" required maxlength="10000"></textarea><button type="submit">${escapeHtml(t.send)}</button></form>`
    : `<p>${escapeHtml(t.closed)}</p>`;
  const done = options.done ? `<p class="notice" role="status">${escapeHtml(t.done)}</p>` : '';
  return `<!doctype html>
<html lang="${options.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(`${title} – ${page.municipalityName}`)}</title><style>${STYLE}</style></head>
<body><header><div class="wrap"><span class="name">${escapeHtml(page.municipalityName)}</span></div></header>
<main class="wrap"><p class="lang">${escapeHtml(t.language)}: ${languages}</p>${done}
<h1>${escapeHtml(title)}</h1>
<div class="question"><p class="meta">${escapeHtml(t.from(page.municipalityName))}</p><p>${escapeLines(forward.question)}</p></div>
<dl>${facts}</dl>
<h2>${escapeHtml(t.labels.description)}</h2><p>${escapeLines(ticket.description)}</p>
${answers}
${form}
</main><footer class="wrap"><p>${escapeHtml(t.personal)}</p></footer></body></html>
`;
}
