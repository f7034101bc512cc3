import type { Category } from '../api/contract';
import { searchCategories } from './category-search';

const c = (code: string, nl: string, fr: string, en: string, kinds: string[]): Category => ({
  code,
  name: { nl, fr, en },
  kinds,
  defaultPriority: 'P3',
});
const CATEGORIES = [
  c('public-lighting', 'Openbare verlichting', 'Éclairage public', 'Public lighting', ['report', 'question']),
  c('roads-pavements', 'Wegen en voetpaden', 'Routes et trottoirs', 'Roads and pavements', ['report']),
  c('general-question', 'Algemene vraag', 'Question générale', 'General question', ['question']),
];
const codes = (query: string, kind: string | null = null) =>
  searchCategories(CATEGORIES, query, 'nl', kind).map((x) => x.code);

describe('searchCategories', () => {
  it('matches the start of any word, in any of the three languages, without accents', () => {
    expect(codes('verlicht')).toEqual(['public-lighting']);
    expect(codes('eclairage')).toEqual(['public-lighting']);
    expect(codes('voet')).toEqual(['roads-pavements']);
    expect(codes('trott')).toEqual(['roads-pavements']);
  });

  it('needs every word, and keeps only categories of the kind', () => {
    expect(codes('openbare licht')).toEqual([]);
    expect(codes('', 'question')).toEqual(['general-question', 'public-lighting']);
  });

  it('ranks names in the agent’s language that start with the query first', () => {
    expect(codes('a')[0]).toBe('general-question');
  });
});
