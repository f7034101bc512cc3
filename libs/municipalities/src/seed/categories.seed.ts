import type { CategoryEntity } from '../entities/category.entity';

type CategorySeed = Pick<CategoryEntity, 'code' | 'name' | 'kinds' | 'defaultPriority'>;

/** The regional taxonomy. Questions and complaints have their own catch-all categories. */
export const CATEGORIES: CategorySeed[] = [
  {
    code: 'public-lighting',
    name: { nl: 'Openbare verlichting', fr: 'Éclairage public', en: 'Public lighting' },
    kinds: ['report', 'question'],
    defaultPriority: 'P3',
  },
  {
    code: 'roads-pavements',
    name: { nl: 'Wegen en voetpaden', fr: 'Routes et trottoirs', en: 'Roads and pavements' },
    kinds: ['report', 'question'],
    defaultPriority: 'P3',
  },
  {
    code: 'litter-dumping',
    name: {
      nl: 'Zwerfvuil en sluikstort',
      fr: 'Déchets sauvages et dépôts clandestins',
      en: 'Litter and illegal dumping',
    },
    kinds: ['report'],
    defaultPriority: 'P3',
  },
  {
    code: 'green-maintenance',
    name: { nl: 'Groenonderhoud', fr: 'Entretien des espaces verts', en: 'Green maintenance' },
    kinds: ['report', 'question'],
    defaultPriority: 'P4',
  },
  {
    code: 'sewers-flooding',
    name: { nl: 'Riolering en wateroverlast', fr: 'Égouts et inondations', en: 'Sewers and flooding' },
    kinds: ['report', 'question'],
    defaultPriority: 'P2',
  },
  {
    code: 'traffic-signs',
    name: { nl: 'Verkeersborden en signalisatie', fr: 'Panneaux de signalisation', en: 'Traffic signs' },
    kinds: ['report'],
    defaultPriority: 'P2',
  },
  {
    code: 'noise-nuisance',
    name: { nl: 'Geluids- en andere overlast', fr: 'Bruit et nuisances', en: 'Noise and nuisance' },
    kinds: ['report', 'complaint'],
    defaultPriority: 'P3',
  },
  {
    code: 'animals',
    name: { nl: 'Dieren', fr: 'Animaux', en: 'Animals' },
    kinds: ['report', 'question'],
    defaultPriority: 'P3',
  },
  {
    code: 'parking',
    name: { nl: 'Parkeren', fr: 'Stationnement', en: 'Parking' },
    kinds: ['report', 'question', 'complaint'],
    defaultPriority: 'P4',
  },
  {
    code: 'waste-collection',
    name: { nl: 'Afvalophaling', fr: 'Collecte des déchets', en: 'Waste collection' },
    kinds: ['report', 'question', 'complaint'],
    defaultPriority: 'P3',
  },
  {
    code: 'general-question',
    name: { nl: 'Algemene vraag', fr: 'Question générale', en: 'General question' },
    kinds: ['question'],
    defaultPriority: 'P4',
  },
  {
    code: 'service-complaint',
    name: {
      nl: 'Klacht over de dienstverlening',
      fr: 'Plainte sur le service',
      en: 'Complaint about service',
    },
    kinds: ['complaint'],
    defaultPriority: 'P3',
  },
];
