import type { CategoryEntity } from '@meldpunt/municipalities';
import { formErrors, formValues, toCreateTicket } from './web-form-submission';
import { WEB_FORM_TEXTS } from './web-form.texts';

const t = WEB_FORM_TEXTS.nl;
const lighting = { code: 'public-lighting', kinds: ['report', 'question'] } as CategoryEntity;
const general = { code: 'general-question', kinds: ['question'] } as CategoryEntity;

describe('web form submission', () => {
  it('keeps only the string fields of a post', () => {
    expect(formValues({ a: 'x', b: ['y'], c: 3 })).toEqual({ a: 'x' });
    expect(formValues(undefined)).toEqual({});
  });

  it('maps the form onto the intake: a report where the category takes one, the tick as consent', () => {
    const { plain, errors, unlocated } = toCreateTicket(
      {
        category: 'public-lighting',
        description: ' Lamp stuk ',
        postcode: '8500',
        email: 'an@example.be',
        consent: 'yes',
        lat: '50.8',
        lon: '3.26',
      },
      lighting,
      'nl',
      t,
    );
    expect(plain).toEqual({
      kind: 'report',
      channel: 'web',
      categoryCode: 'public-lighting',
      description: 'Lamp stuk',
      location: { postcode: '8500', lat: 50.8, lon: 3.26 },
      reporter: { email: 'an@example.be', consent: true, language: 'nl' },
    });
    expect(errors).toEqual({});
    expect(unlocated).toBe(false);
    expect(
      toCreateTicket({ category: 'general-question', description: 'Vraag' }, general, 'nl', t),
    ).toMatchObject({
      plain: { kind: 'question' },
      unlocated: true,
    });
  });

  it('says a tick without an address reaches nobody, and ignores a point that is not a number', () => {
    const { plain, errors } = toCreateTicket(
      { description: 'x', consent: 'yes', municipality: 'menen', lat: 'north', lon: '3' },
      lighting,
      'nl',
      t,
    );
    expect(errors.email).toBe(t.errors.consentWithoutEmail);
    expect(plain.location).toEqual({});
  });

  it('names the form fields in its own words, one message per field', () => {
    expect(
      formErrors(
        [
          { field: 'description', rule: 'isNotEmpty', message: 'description should not be empty' },
          {
            field: 'description',
            rule: 'maxLength',
            message: 'description must be shorter than or equal to 10000 characters',
          },
          { field: 'reporter.email', rule: 'isEmail', message: 'reporter.email must be an email' },
          { field: 'location.postcode', rule: 'matches', message: 'x' },
          { field: 'location', rule: 'isRoutable', message: 'no municipality' },
        ],
        t,
      ),
    ).toEqual({
      description: t.errors.required,
      email: t.errors.email,
      postcode: t.errors.postcode,
      form: t.errors.unroutable,
    });
    expect(
      formErrors([{ field: 'description', rule: 'maxLength', message: 'max 10000 characters' }], t),
    ).toEqual({
      description: 'Maximaal 10000 tekens.',
    });
  });
});
