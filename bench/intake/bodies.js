'use strict';
/**
 * Realistic intake bodies for the benchmark: six categories, the region's postcodes, Dutch
 * descriptions of 100-600 characters, and a reporter with name, e-mail, phone and consent.
 * Deterministic (seeded), so two runs send the same mix.
 */

const POSTCODES = [
  '8500',
  '8501',
  '8510',
  '8530',
  '8540',
  '8550',
  '8560',
  '8570',
  '8580',
  '8587',
  '8790',
  '8860',
  '8930',
  '8940',
];

const STREETS = [
  'Kerkstraat',
  'Stationsstraat',
  'Molenstraat',
  'Schoolstraat',
  'Nieuwstraat',
  'Kapelstraat',
  'Dorpsplein',
  'Marktplein',
  'Grote Markt',
  'Leiestraat',
  'Gentsesteenweg',
  'Meensesteenweg',
  'Kortrijksestraat',
  'Vlaanderenstraat',
  'Heirweg',
  'Beekstraat',
  'Lindenlaan',
  'Populierenlaan',
  'Zuidstraat',
  'Noordstraat',
  'Hoogstraat',
  'Sint-Jansstraat',
  'Guldensporenlaan',
  'Rijselsestraat',
  'Bergstraat',
  'Veldstraat',
];

const FIRST_NAMES = [
  'An',
  'Bart',
  'Els',
  'Jan',
  'Katrien',
  'Pieter',
  'Sofie',
  'Wouter',
  'Lies',
  'Stijn',
  'Marleen',
  'Koen',
  'Hilde',
  'Tom',
  'Nathalie',
  'Dirk',
  'Ilse',
  'Geert',
  'Fien',
  'Arne',
  'Lotte',
  'Ruben',
  'Julie',
  'Marc',
];

const LAST_NAMES = [
  'Peeters',
  'Vandenbroucke',
  'Declercq',
  'Vanhoutte',
  'Desmet',
  'Verhaeghe',
  'Lambrecht',
  'Vermeulen',
  'Maes',
  'Coucke',
  'Deconinck',
  'Vandamme',
  'Debaene',
  'Vercruysse',
  'Dewitte',
  'Vanneste',
  'Goethals',
];

const MAIL_DOMAINS = ['example.be', 'example.com', 'example.net', 'example.org'];

const CHANNELS = ['web', 'web', 'web', 'web', 'app', 'app', 'phone', 'phone', 'email', 'counter', 'chat'];

/** Sentences per category; a description is a mix of them, 100-600 characters long. */
const CATEGORIES = {
  'public-lighting': {
    kinds: ['report', 'report', 'report', 'question'],
    subjects: ['Straatlamp defect', 'Verlichting knippert', 'Lantaarnpaal beschadigd', 'Donkere straat'],
    sentences: [
      'De straatlamp voor huisnummer {n} brandt al een week niet meer.',
      'Sinds het weekend knippert de verlichting in onze straat de hele nacht.',
      'De lantaarnpaal aan de hoek met de {street} is aangereden en staat scheef.',
      'Het is hier na zonsondergang volledig donker, wat onveilig is voor fietsers en voetgangers.',
      'Er hangen losse kabels uit het luikje onderaan de paal.',
      'Ook de lamp bij de bushalte doet het niet meer.',
      'Kunnen jullie laten weten wanneer een herstelling gepland is?',
      'Ik heb dit eerder al telefonisch gemeld, maar er is nog niets gebeurd.',
      "De lamp brandt overdag wel, maar gaat 's avonds uit.",
    ],
  },
  'roads-pavements': {
    kinds: ['report', 'report', 'report', 'question'],
    subjects: ['Put in de weg', 'Losliggende stoeptegels', 'Verzakt voetpad', 'Beschadigd fietspad'],
    sentences: [
      'Er zit een diepe put in het wegdek ter hoogte van nummer {n}.',
      'Verschillende stoeptegels liggen los en er is al iemand over gestruikeld.',
      'Het voetpad is verzakt na de werken aan de riolering vorige maand.',
      'Fietsers moeten uitwijken naar de rijweg omdat het fietspad vol scheuren zit.',
      'Bij regen staat er een grote plas water waar de boorden beschadigd zijn.',
      'Met een rolstoel of kinderwagen is het voetpad hier niet meer te gebruiken.',
      "De put wordt elke week groter en is 's avonds nauwelijks te zien.",
      'Graag een snelle herstelling, het is een drukke schoolroute.',
      'Kunnen jullie de plek voorlopig afbakenen tot de herstelling?',
    ],
  },
  'litter-dumping': {
    kinds: ['report'],
    subjects: ['Sluikstort', 'Zwerfvuil langs de weg', 'Gedumpte matrassen', 'Volle vuilnisbak'],
    sentences: [
      'Naast de glasbollen aan de {street} is opnieuw een hoop afval gedumpt.',
      'Er liggen twee oude matrassen en een kapotte zetel langs de berm.',
      'Langs het fietspad ligt al dagen zwerfvuil: blikjes, plastic flessen en zakken.',
      'De vuilnisbak aan het speelplein zit overvol en het afval waait de straat op.',
      'Iemand heeft bouwafval en verfpotten achtergelaten aan de rand van het veld.',
      'Het trekt ratten en meeuwen aan en het begint te stinken.',
      'Ik heb gezien dat het gisterenavond uit een bestelwagen werd gegooid.',
      'Kan dit zo snel mogelijk worden opgeruimd?',
      'Dit gebeurt hier bijna elke week, misschien helpt een camera.',
    ],
  },
  'green-maintenance': {
    kinds: ['report', 'report', 'question'],
    subjects: ['Overhangende takken', 'Gras niet gemaaid', 'Omgevallen boom', 'Onkruid op het voetpad'],
    sentences: [
      'De takken van de bomen langs de {street} hangen zo laag dat ze het verkeersbord verbergen.',
      'Het gras in het park is al weken niet meer gemaaid.',
      'Na de storm van gisteren ligt er een boom over het wandelpad.',
      'Het onkruid op het voetpad groeit tot kniehoogte en maakt het pad smal.',
      "De haag aan het kruispunt belemmert het zicht voor auto's die de straat uit rijden.",
      'Op het speelplein liggen afgebroken takken waar kinderen spelen.',
      'Wanneer komt de groendienst langs in onze wijk?',
      'Het plantvak aan de kerk is verwaarloosd en vol distels.',
    ],
  },
  'waste-collection': {
    kinds: ['report', 'report', 'question', 'complaint'],
    subjects: ['Huisvuil niet opgehaald', 'PMD-zak blijven staan', 'Container beschadigd', 'Ophaling gemist'],
    sentences: [
      'Het huisvuil in de {street} werd deze week niet opgehaald.',
      'De PMD-zakken staan sinds dinsdag nog altijd aan de straat.',
      'Mijn container is bij het legen beschadigd en het deksel sluit niet meer.',
      'De ophaalwagen is onze doodlopende straat voorbijgereden.',
      'Het is al de derde keer dit jaar dat de ophaling hier gemist wordt.',
      'Moet ik de zakken terug binnen zetten of komt men alsnog langs?',
      'De buren hebben hetzelfde probleem gemeld.',
      'Graag een nieuwe container of een herstelling van het deksel.',
    ],
  },
  'general-question': {
    kinds: ['question'],
    subjects: [
      'Vraag over openingsuren',
      'Vraag over een attest',
      'Vraag over parkeerkaart',
      'Algemene vraag',
    ],
    sentences: [
      'Ik had graag geweten wat de openingsuren van het gemeentehuis zijn tijdens de zomer.',
      'Hoe kan ik een attest van woonst aanvragen en moet ik daarvoor langskomen?',
      'Ik verhuis volgende maand naar de {street} en vraag me af wat ik moet regelen.',
      'Waar kan ik een bewonersparkeerkaart aanvragen en wat kost die?',
      'Is het recyclagepark ook op zaterdagnamiddag open?',
      'Kan ik een afspraak maken voor een nieuwe identiteitskaart via de website?',
      'Alvast bedankt voor jullie antwoord.',
      'Ik kon het antwoord niet vinden op de website van de gemeente.',
    ],
  },
};

const CATEGORY_CODES = Object.keys(CATEGORIES);

/** mulberry32: a small seeded PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(list, random) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

function makeBody(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const code = pick(CATEGORY_CODES);
  const category = CATEGORIES[code];
  const street = pick(STREETS);
  const number = int(1, 180);
  const fill = (s) => s.replace('{n}', String(int(1, 180))).replace('{street}', pick(STREETS));

  // Sentences in random order until the target length; never under 100 or over 600 characters.
  const target = int(100, 600);
  const pool = shuffle([...category.sentences], random);
  let description = '';
  for (let i = 0; description.length < target; i++) {
    const next = fill(pool[i % pool.length]);
    const joined = description ? `${description} ${next}` : next;
    if (joined.length > 600) break;
    description = joined;
  }
  if (description.length < 100) description = `${description} Graag een opvolging, alvast bedankt.`;

  const first = pick(FIRST_NAMES);
  const last = pick(LAST_NAMES);
  const local = `${first}.${last}`.toLowerCase();
  const phone =
    random() < 0.5
      ? `04${int(70, 99)} ${int(10, 99)} ${int(10, 99)} ${int(10, 99)}`
      : random() < 0.5
        ? `056 ${int(20, 79)} ${int(10, 99)} ${int(10, 99)}`
        : `+32 4${int(70, 99)} ${int(10, 99)} ${int(10, 99)} ${int(10, 99)}`;
  const postcode = pick(POSTCODES);
  const channel = pick(CHANNELS);
  const body = {
    kind: pick(category.kinds),
    channel,
    categoryCode: code,
    description,
    location: { address: `${street} ${number}`, postcode },
    reporter: {
      name: `${first} ${last}`,
      email: `${local}${random() < 0.3 ? int(1, 99) : ''}@${pick(MAIL_DOMAINS)}`,
      phone,
      language: random() < 0.9 ? 'nl' : random() < 0.8 ? 'fr' : 'en',
      consent: random() < 0.8,
    },
  };
  if (random() < 0.4) body.subject = pick(category.subjects);
  if (channel === 'app') {
    // The app sends the phone's position as well; the postcode still decides the municipality.
    body.location.lat = Math.round((50.76 + random() * 0.12) * 1e6) / 1e6;
    body.location.lon = Math.round((3.1 + random() * 0.4) * 1e6) / 1e6;
  }
  if (body.kind === 'report' && random() < 0.1) body.urgent = true;
  return body;
}

/** `count` bodies as JSON strings, ready to send. */
function makeBodies(count = 1000, seed = 20260101) {
  const random = prng(seed);
  return Array.from({ length: count }, () => JSON.stringify(makeBody(random)));
}

module.exports = { makeBodies, POSTCODES, CATEGORY_CODES };
