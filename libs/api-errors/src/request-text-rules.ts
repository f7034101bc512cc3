import type { FieldError } from './domain-errors';

/**
 * Deepest nesting a JSON body may have. Our widest DTO (a ticket with location and reporter) is three
 * levels deep; class-transformer and class-validator recurse per level, and a body nested thousands
 * of levels deep (well under the 1 MB limit) would overflow their stack.
 */
export const MAX_BODY_DEPTH = 32;

// With the u flag a valid pair is one code point, so only a surrogate without its partner matches.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Text PostgreSQL cannot store: the NUL character (refused in text and in jsonb alike) and UTF-16
 * surrogates without their partner (JSON allows `"\ud800"`; it has no UTF-8 form, jsonb refuses the
 * escape and validators throw on it). Everything else is left to the DTOs' own rules.
 */
export function textRuleBroken(text: string, field: string): FieldError | null {
  if (text.includes('\u0000')) {
    return {
      field,
      rule: 'noNullCharacter',
      message: `${field} must not contain the NUL character (U+0000)`,
    };
  }
  if (LONE_SURROGATE.test(text)) {
    return {
      field,
      rule: 'isWellFormedUnicode',
      message: `${field} must be valid Unicode text (it holds a lone UTF-16 surrogate)`,
    };
  }
  return null;
}

/**
 * The first string (key or value) in a parsed JSON body or query that breaks a text rule, or a
 * nesting deeper than MAX_BODY_DEPTH; `field` is the path as the DTO errors name it
 * (`reporter.email`, `items.0.body`). The walk stops at the depth limit, so it cannot overflow itself.
 */
export function findBrokenText(value: unknown, path = '', depth = 0): FieldError | null {
  if (typeof value === 'string') return textRuleBroken(value, path || 'body');
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_BODY_DEPTH) {
    return {
      field: path || 'body',
      rule: 'maxDepth',
      message: `${path || 'body'} is nested deeper than ${MAX_BODY_DEPTH} levels`,
    };
  }
  for (const [key, inner] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    const broken = textRuleBroken(key, field) ?? findBrokenText(inner, field, depth + 1);
    if (broken) return broken;
  }
  return null;
}

/**
 * The first path segment that is not valid percent-encoded UTF-8 text without NUL (`%00`,
 * `%ED%A0%80`, a stray `%`); route parameters are looked up in the database as they are.
 */
export function findBrokenPath(path: string): FieldError | null {
  for (const segment of path.split('/')) {
    if (!segment.includes('%')) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { field: 'path', rule: 'isUrlEncoded', message: 'path must be valid percent-encoded UTF-8' };
    }
    const broken = textRuleBroken(decoded, 'path');
    if (broken) return broken;
  }
  return null;
}
