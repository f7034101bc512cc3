export type FormLanguage = 'nl' | 'fr' | 'en';

export type FormField =
  | 'municipality'
  | 'category'
  | 'description'
  | 'address'
  | 'postcode'
  | 'photos'
  | 'name'
  | 'email'
  | 'phone'
  | 'consent'
  | 'form';

export interface WebFormTexts {
  title: string;
  intro: string;
  required: string;
  optional: string;
  language: string;
  sections: { what: string; where: string; who: string };
  labels: Record<Exclude<FormField, 'form'>, string>;
  hints: Partial<Record<FormField, string>>;
  choose: string;
  locate: string;
  located: string;
  honeypot: string;
  send: string;
  errorsHeading: string;
  errors: {
    required: string;
    tooLong: (max: number) => string;
    postcode: string;
    email: string;
    phone: string;
    located: string;
    consentWithoutEmail: string;
    photoType: string;
    photoSize: (mb: number) => string;
    photoCount: (max: number) => string;
    photosAgain: string;
    expired: string;
    tooFast: string;
    unroutable: string;
    notOffered: string;
  };
  thanks: { title: string; body: string };
  urgent: string;
}

export const LANGUAGE_NAMES: Record<FormLanguage, string> = {
  nl: 'Nederlands',
  fr: 'Français',
  en: 'English',
};

export const WEB_FORM_TEXTS: Record<FormLanguage, WebFormTexts> = {
  nl: {
    title: 'Een melding doen',
    intro: 'Meld een probleem in de openbare ruimte of stel een vraag aan je gemeente.',
    required: 'verplicht',
    optional: 'niet verplicht',
    language: 'Taal',
    sections: { what: 'Wat wil je melden?', where: 'Waar is het?', who: 'Hoe bereiken we je?' },
    labels: {
      municipality: 'Gemeente',
      category: 'Onderwerp',
      description: 'Beschrijving',
      address: 'Adres of plaats',
      postcode: 'Postcode',
      photos: "Foto's of documenten",
      name: 'Naam',
      email: 'E-mailadres',
      phone: 'Telefoonnummer',
      consent: 'Stuur me per e-mail bericht over deze melding',
    },
    hints: {
      description: 'Wat is er aan de hand, en sinds wanneer?',
      address: 'Bijvoorbeeld: Kerkstraat 12, Heule, of: aan de ingang van het park.',
      photos: 'Tot 5 bestanden (JPEG, PNG, WebP, HEIC of PDF), elk tot 8 MB.',
      email: 'Alleen om je op de hoogte te houden. We delen het met niemand.',
    },
    choose: 'Kies…',
    locate: 'Gebruik mijn huidige locatie',
    located: 'Je locatie is toegevoegd.',
    honeypot: 'Laat dit veld leeg',
    send: 'Melding versturen',
    errorsHeading: 'Er ontbreekt nog iets',
    errors: {
      required: 'Vul dit in.',
      tooLong: (max) => `Maximaal ${max} tekens.`,
      postcode: 'Een postcode heeft 4 cijfers.',
      email: 'Dit is geen geldig e-mailadres.',
      phone: 'Dit is geen geldig telefoonnummer.',
      located: 'Geef een adres of postcode, of kies de gemeente.',
      consentWithoutEmail: 'Geef een e-mailadres om per e-mail bericht te krijgen.',
      photoType: 'Alleen foto’s (JPEG, PNG, WebP, HEIC) en PDF-bestanden.',
      photoSize: (mb) => `Een bestand is groter dan ${mb} MB.`,
      photoCount: (max) => `Maximaal ${max} bestanden.`,
      photosAgain: 'Kies je bestanden opnieuw: een browser bewaart ze niet.',
      expired: 'Het formulier was te lang open. Kijk je gegevens na en verstuur opnieuw.',
      tooFast: 'Kijk je gegevens na en verstuur opnieuw.',
      unroutable: 'We vinden niet in welke gemeente dit is. Kies de gemeente.',
      notOffered: 'Deze gemeente behandelt dit onderwerp niet. Kies een ander onderwerp.',
    },
    thanks: { title: 'Bedankt', body: 'We hebben je bericht ontvangen.' },
    urgent: 'Gevaarlijke situatie? Bel 101 (politie) of 112.',
  },
  fr: {
    title: 'Faire un signalement',
    intro: "Signalez un problème dans l'espace public ou posez une question à votre commune.",
    required: 'obligatoire',
    optional: 'facultatif',
    language: 'Langue',
    sections: {
      what: 'Que voulez-vous signaler\u00a0?',
      where: 'Où\u00a0?',
      who: 'Comment vous joindre\u00a0?',
    },
    labels: {
      municipality: 'Commune',
      category: 'Sujet',
      description: 'Description',
      address: 'Adresse ou lieu',
      postcode: 'Code postal',
      photos: 'Photos ou documents',
      name: 'Nom',
      email: 'Adresse e-mail',
      phone: 'Numéro de téléphone',
      consent: "M'informer par e-mail de ce signalement",
    },
    hints: {
      description: 'Que se passe-t-il, et depuis quand\u00a0?',
      address: "Par exemple\u00a0: Kerkstraat 12, Heule, ou\u00a0: à l'entrée du parc.",
      photos: "Jusqu'à 5 fichiers (JPEG, PNG, WebP, HEIC ou PDF), 8 Mo chacun au plus.",
      email: 'Uniquement pour vous tenir informé. Nous ne le partageons avec personne.',
    },
    choose: 'Choisir…',
    locate: 'Utiliser ma position actuelle',
    located: 'Votre position a été ajoutée.',
    honeypot: 'Laissez ce champ vide',
    send: 'Envoyer le signalement',
    errorsHeading: 'Il manque encore quelque chose',
    errors: {
      required: 'Veuillez remplir ce champ.',
      tooLong: (max) => `${max} caractères au maximum.`,
      postcode: 'Un code postal a 4 chiffres.',
      email: "Ce n'est pas une adresse e-mail valide.",
      phone: "Ce n'est pas un numéro de téléphone valide.",
      located: 'Indiquez une adresse ou un code postal, ou choisissez la commune.',
      consentWithoutEmail: 'Indiquez une adresse e-mail pour être informé par e-mail.',
      photoType: 'Uniquement des photos (JPEG, PNG, WebP, HEIC) et des PDF.',
      photoSize: (mb) => `Un fichier dépasse ${mb} Mo.`,
      photoCount: (max) => `${max} fichiers au maximum.`,
      photosAgain: 'Choisissez à nouveau vos fichiers\u00a0: le navigateur ne les garde pas.',
      expired: 'Le formulaire est resté ouvert trop longtemps. Vérifiez vos données et envoyez à nouveau.',
      tooFast: 'Vérifiez vos données et envoyez à nouveau.',
      unroutable: 'Nous ne trouvons pas la commune concernée. Choisissez la commune.',
      notOffered: 'Cette commune ne traite pas ce sujet. Choisissez un autre sujet.',
    },
    thanks: { title: 'Merci', body: 'Nous avons reçu votre message.' },
    urgent: 'Situation dangereuse\u00a0? Appelez le 101 (police) ou le 112.',
  },
  en: {
    title: 'Report a problem',
    intro: 'Report a problem in a public place or ask your municipality a question.',
    required: 'required',
    optional: 'optional',
    language: 'Language',
    sections: { what: 'What would you like to report?', where: 'Where is it?', who: 'How can we reach you?' },
    labels: {
      municipality: 'Municipality',
      category: 'Subject',
      description: 'Description',
      address: 'Address or place',
      postcode: 'Postcode',
      photos: 'Photos or documents',
      name: 'Name',
      email: 'E-mail address',
      phone: 'Phone number',
      consent: 'E-mail me about this report',
    },
    hints: {
      description: 'What is wrong, and since when?',
      address: 'For example: Kerkstraat 12, Heule, or: at the entrance of the park.',
      photos: 'Up to 5 files (JPEG, PNG, WebP, HEIC or PDF), each up to 8 MB.',
      email: 'Only to keep you informed. We share it with no one.',
    },
    choose: 'Choose…',
    locate: 'Use my current location',
    located: 'Your location has been added.',
    honeypot: 'Leave this field empty',
    send: 'Send report',
    errorsHeading: 'Something is still missing',
    errors: {
      required: 'Please fill this in.',
      tooLong: (max) => `At most ${max} characters.`,
      postcode: 'A postcode has 4 digits.',
      email: 'This is not a valid e-mail address.',
      phone: 'This is not a valid phone number.',
      located: 'Give an address or postcode, or choose the municipality.',
      consentWithoutEmail: 'Give an e-mail address to be kept informed by e-mail.',
      photoType: 'Only photos (JPEG, PNG, WebP, HEIC) and PDF files.',
      photoSize: (mb) => `A file is larger than ${mb} MB.`,
      photoCount: (max) => `At most ${max} files.`,
      photosAgain: 'Choose your files again: the browser does not keep them.',
      expired: 'The form was open too long. Check your details and send again.',
      tooFast: 'Check your details and send again.',
      unroutable: 'We cannot tell which municipality this is in. Choose the municipality.',
      notOffered: 'This municipality does not handle this subject. Choose another subject.',
    },
    thanks: { title: 'Thank you', body: 'We have received your message.' },
    urgent: 'Dangerous situation? Call 101 (police) or 112.',
  },
};
