import { isEmail } from 'class-validator';

/** A rule broken by what a chat client sent: the field and the rule, as the API's errors name them. */
export class ChatInputError extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}

export function chatText(value: unknown, field: string, max: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw new ChatInputError(field, 'isNotEmpty', `${field} is required`);
  if (text.length > max)
    throw new ChatInputError(field, 'maxLength', `${field} must be at most ${max} characters`);
  return text;
}

export function optionalName(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  return chatText(value, 'name', 200);
}

export function optionalEmail(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > 254 || !isEmail(value)) {
    throw new ChatInputError('email', 'isEmail', 'email must be an e-mail address');
  }
  return value.toLowerCase();
}

export function chatLanguage(value: unknown): 'nl' | 'fr' | 'en' {
  if (value === undefined || value === null || value === '') return 'nl';
  if (value === 'nl' || value === 'fr' || value === 'en') return value;
  throw new ChatInputError('language', 'isIn', 'language must be one of nl, fr, en');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function chatId(value: unknown): string {
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new ChatInputError('chatId', 'isUuid', 'chatId must be a UUID');
  }
  return value;
}

/** The answer to a socket event: `{ ok: true, ... }`, or what was wrong without a stack. */
export async function answer<T extends object>(
  work: () => Promise<T>,
): Promise<(T & { ok: true }) | { ok: false; field?: string; rule?: string; error: string }> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    if (error instanceof ChatInputError)
      return { ok: false, field: error.field, rule: error.rule, error: error.message };
    const known = error as { statusCode?: number; message?: string };
    if (known.statusCode && known.statusCode < 500) return { ok: false, error: known.message ?? 'refused' };
    throw error;
  }
}
