import { registerDecorator, ValidationOptions } from 'class-validator';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** A Belgian number ("056 27 27 27", "0470 12 34 56") or an international one ("+33 ..."). */
export function parsePhone(value: string): string | null {
  const parsed = parsePhoneNumberFromString(value, 'BE');
  return parsed && parsed.isValid() ? parsed.number : null;
}

export function IsPhoneNumber(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPhoneNumber',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a Belgian or international phone number', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && parsePhone(value) !== null },
    });
}
