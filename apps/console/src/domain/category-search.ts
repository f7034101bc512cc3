import type { Category, Language } from '../api/contract';
import { fold } from '../state/queue-filter';

/**
 * Categories for what the agent types: every word must start a word of the name in any of the
 * three languages or of the code; names in the agent's language that start with the query rank
 * first. An empty query lists all, alphabetically.
 */
export function searchCategories(
  categories: readonly Category[],
  query: string,
  language: Language,
  kind: string | null,
): Category[] {
  const eligible = categories.filter((c) => !kind || c.kinds.includes(kind));
  const words = fold(query.trim()).split(/\s+/).filter(Boolean);
  const byName = (a: Category, b: Category) => a.name[language].localeCompare(b.name[language], language);
  if (!words.length) return [...eligible].sort(byName);
  const scored: { category: Category; score: number }[] = [];
  for (const category of eligible) {
    const own = fold(category.name[language]);
    const haystack = [
      own,
      fold(category.name.nl),
      fold(category.name.fr),
      fold(category.name.en),
      category.code,
    ]
      .join(' ')
      .split(/[^a-z0-9]+/);
    if (!words.every((w) => haystack.some((token) => token.startsWith(w)))) continue;
    const score = own.startsWith(words.join(' '))
      ? 0
      : own.split(/[^a-z0-9]+/).some((t) => t.startsWith(words[0]))
        ? 1
        : 2;
    scored.push({ category, score });
  }
  return scored.sort((a, b) => a.score - b.score || byName(a.category, b.category)).map((s) => s.category);
}
