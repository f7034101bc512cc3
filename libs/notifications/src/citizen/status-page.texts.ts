import type { MailLanguage } from '../notification-kind';

type Status = 'new' | 'in_progress' | 'waiting_for_citizen' | 'resolved' | 'closed' | 'cancelled';

export interface StatusPageTexts {
  title: (noun: string, reference: string) => string;
  status: Record<Status, [label: string, explanation: string]>;
  /** A report merged into another of the same thing: followed up with it, then resolved with it. */
  merged: Record<'following' | 'resolved', [label: string, explanation: string]>;
  labels: { status: string; category: string; received: string; expected: string };
  messages: string;
  noMessages: string;
  you: string;
  types: { question: string; resolution: string };
  openQuestion: string;
  reply: { answer: [string, string]; add: [string, string]; reopen: [string, string]; send: string };
  feedback: {
    heading: string;
    legend: string;
    comment: string;
    send: string;
    given: (score: number) => string;
  };
  done: { reply: string; feedback: string; report: string };
  language: string;
  personal: string;
}

export const LANGUAGE_NAMES: Record<MailLanguage, string> = {
  nl: 'Nederlands',
  fr: 'Français',
  en: 'English',
};

export const STATUS_PAGE_TEXTS: Record<MailLanguage, StatusPageTexts> = {
  nl: {
    title: (noun, reference) => `Je ${noun} ${reference}`,
    status: {
      new: ['Ontvangen', 'We hebben alles goed ontvangen en bekijken het zo snel mogelijk.'],
      in_progress: ['In behandeling', 'We zijn ermee bezig.'],
      waiting_for_citizen: [
        'We wachten op je antwoord',
        'We hebben een vraag voor je. Zodra je antwoordt, werken we verder.',
      ],
      resolved: [
        'Afgehandeld',
        'We hebben het afgehandeld. Is het toch niet in orde? Laat het ons hieronder weten.',
      ],
      closed: ['Afgesloten', 'Dit dossier is afgesloten.'],
      cancelled: [
        'Niet verder behandeld',
        'We behandelen dit niet verder. Heb je vragen? Neem dan contact met ons op.',
      ],
    },
    labels: {
      status: 'Stand van zaken',
      category: 'Onderwerp',
      received: 'Ontvangen op',
      expected: 'Verwacht',
    },
    messages: 'Berichten',
    noMessages: 'Nog geen berichten.',
    you: 'Jij',
    types: { question: 'Vraag', resolution: 'Wat we gedaan hebben' },
    openQuestion: 'Onze vraag aan jou',
    reply: {
      answer: ['Je antwoord', 'Je antwoord op onze vraag'],
      add: ['Iets toevoegen?', 'Je bericht'],
      reopen: ['Toch niet in orde?', 'Wat is er nog niet in orde?'],
      send: 'Verstuur',
    },
    feedback: {
      heading: 'Hoe tevreden ben je?',
      legend: 'Je score',
      comment: 'Wil je nog iets kwijt? (niet verplicht)',
      send: 'Verstuur je score',
      given: (score) => `Bedankt! Je gaf ons ${score} op 5.`,
    },
    done: {
      reply: 'Bedankt, we hebben je bericht goed ontvangen.',
      feedback: 'Bedankt voor je score!',
      report:
        'Bedankt, we hebben je melding goed ontvangen. Bewaar deze pagina: hier volg je de stand van zaken.',
    },
    language: 'Taal',
    personal: 'Deze pagina is persoonlijk: deel de link niet met anderen.',
    merged: {
      following: [
        'Samen opgevolgd met een gelijke melding',
        'Hetzelfde werd ons al gemeld. We volgen beide meldingen samen op en laten je weten wanneer het opgelost is.',
      ],
      resolved: ['Afgehandeld', 'De gelijke melding waarmee we de jouwe samen opvolgden, is afgehandeld.'],
    },
  },
  fr: {
    title: (noun, reference) => `Votre ${noun} ${reference}`,
    status: {
      new: ['Reçu', 'Nous avons bien tout reçu et nous l’examinons au plus vite.'],
      in_progress: ['En cours de traitement', 'Nous nous en occupons.'],
      waiting_for_citizen: [
        'En attente de votre réponse',
        'Nous avons une question pour vous. Dès votre réponse, nous poursuivrons.',
      ],
      resolved: [
        'Traité',
        'Nous l’avons traité. Ce n’est pas réglé\u00a0? Faites-le-nous savoir ci-dessous.',
      ],
      closed: ['Clôturé', 'Ce dossier est clôturé.'],
      cancelled: ['Classé sans suite', 'Nous ne donnons pas suite. Une question\u00a0? Contactez-nous.'],
    },
    labels: { status: 'État', category: 'Sujet', received: 'Reçu le', expected: 'Prévu' },
    messages: 'Messages',
    noMessages: 'Pas encore de messages.',
    you: 'Vous',
    types: { question: 'Question', resolution: 'Ce que nous avons fait' },
    openQuestion: 'Notre question',
    reply: {
      answer: ['Votre réponse', 'Votre réponse à notre question'],
      add: ['Quelque chose à ajouter\u00a0?', 'Votre message'],
      reopen: ['Ce n’est pas réglé\u00a0?', 'Qu’est-ce qui ne va toujours pas\u00a0?'],
      send: 'Envoyer',
    },
    feedback: {
      heading: 'Votre avis nous intéresse',
      legend: 'Votre note',
      comment: 'Un commentaire\u00a0? (facultatif)',
      send: 'Envoyer votre note',
      given: (score) => `Merci\u00a0! Vous nous avez donné ${score} sur 5.`,
    },
    done: {
      reply: 'Merci, nous avons bien reçu votre message.',
      feedback: 'Merci pour votre note\u00a0!',
      report:
        'Merci, nous avons bien reçu votre signalement. Gardez cette page\u00a0: vous y suivez son avancement.',
    },
    language: 'Langue',
    personal: 'Cette page vous est personnelle\u00a0: ne partagez pas le lien.',
    merged: {
      following: [
        'Suivi avec un signalement identique',
        'Le même problème nous avait déjà été signalé. Nous traitons les deux dossiers ensemble et vous informerons de leur résolution.',
      ],
      resolved: ['Traité', 'Le signalement identique, traité avec le vôtre, a été résolu.'],
    },
  },
  en: {
    title: (noun, reference) => `Your ${noun} ${reference}`,
    status: {
      new: ['Received', 'We have received everything and will look at it as soon as we can.'],
      in_progress: ['Being handled', 'We are working on it.'],
      waiting_for_citizen: [
        'Waiting for your answer',
        'We have a question for you. As soon as you answer, we carry on.',
      ],
      resolved: ['Resolved', 'We have dealt with it. Not sorted after all? Let us know below.'],
      closed: ['Closed', 'This case is closed.'],
      cancelled: ['Not taken further', 'We are not taking this further. Any questions? Please contact us.'],
    },
    labels: { status: 'Status', category: 'Subject', received: 'Received on', expected: 'Expected' },
    messages: 'Messages',
    noMessages: 'No messages yet.',
    you: 'You',
    types: { question: 'Question', resolution: 'What we did' },
    openQuestion: 'Our question to you',
    reply: {
      answer: ['Your answer', 'Your answer to our question'],
      add: ['Anything to add?', 'Your message'],
      reopen: ['Not sorted after all?', 'What is still wrong?'],
      send: 'Send',
    },
    feedback: {
      heading: 'How did we do?',
      legend: 'Your score',
      comment: 'Anything else to tell us? (optional)',
      send: 'Send your score',
      given: (score) => `Thank you! You gave us ${score} out of 5.`,
    },
    done: {
      reply: 'Thank you, we have received your message.',
      feedback: 'Thank you for your score!',
      report: 'Thank you, we have received your report. Keep this page: it shows how it is going.',
    },
    language: 'Language',
    personal: 'This page is personal: please do not share the link.',
    merged: {
      following: [
        'Followed up with an identical report',
        'The same thing had already been reported to us. We are handling both reports together and will let you know when it is resolved.',
      ],
      resolved: ['Resolved', 'The identical report we handled together with yours has been resolved.'],
    },
  },
};
