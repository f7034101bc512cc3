import { FieldError } from '@meldpunt/api-errors';

/**
 * At least 12 characters, not only letters or only digits, and not the e-mail address itself.
 * Length beats composition rules (NIST SP 800-63B); the extra checks stop the worst choices.
 */
export function passwordPolicyErrors(password: string, email: string): FieldError[] {
  const errors: FieldError[] = [];
  const add = (rule: string, message: string) => errors.push({ field: 'password', rule, message });
  if (password.length < 12) add('minLength', 'password must be at least 12 characters long');
  if (password.length > 200) add('maxLength', 'password must be at most 200 characters long');
  if (/^[A-Za-z]+$/.test(password) || /^\d+$/.test(password)) {
    add('mixedCharacters', 'password must not consist of letters only or digits only');
  }
  // A short local part ("a@...") would match almost any password; only longer ones say something.
  const localPart = email.split('@')[0].toLowerCase();
  if (localPart.length >= 4 && password.toLowerCase().includes(localPart)) {
    add('notEmail', 'password must not contain the e-mail address');
  }
  return errors;
}
