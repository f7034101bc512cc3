import { InvalidInputError } from '@meldpunt/api-errors';
import type { CategoryEntity } from '@meldpunt/municipalities';
import { languageOf, open311FieldError, toCreateTicket } from './open311-request.mapper';

const question = { code: 'info', kinds: ['question'] } as unknown as CategoryEntity;
const lighting = { code: 'public-lighting', kinds: ['report', 'question'] } as unknown as CategoryEntity;

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.errors.map((e) => e.field);
    throw error;
  }
  throw new Error('no error thrown');
}

describe('Open311 POST requests → our intake', () => {
  it('maps the GeoReport parameters, with the key municipality for an address-only request', () => {
    expect(
      toCreateTicket(
        {
          service_code: 'public-lighting',
          address_string: ' Kerkstraat 3 ',
          description: 'Lamp stuk',
          email: 'an@example.be',
          first_name: 'An',
          last_name: 'Peeters',
          'attribute[urgent]': 'ja',
        },
        lighting,
        'menen',
        'fr',
      ),
    ).toEqual({
      kind: 'report',
      channel: 'open311',
      categoryCode: 'public-lighting',
      description: 'Lamp stuk',
      municipalityCode: 'menen',
      location: { address: 'Kerkstraat 3' },
      reporter: { name: 'An Peeters', email: 'an@example.be', consent: true, language: 'fr' },
      urgent: true,
    });
  });

  it('routes by coordinates or postcode when given, and takes the category kind when it has no reports', () => {
    const mapped = toCreateTicket(
      { service_code: 'info', lat: '50.8279', long: '3.2649', description: 'Vraag' },
      question,
      'menen',
    );
    expect(mapped).toMatchObject({ kind: 'question', location: { lat: 50.8279, lon: 3.2649 } });
    expect(mapped).not.toHaveProperty('municipalityCode');
    expect(mapped).not.toHaveProperty('reporter');
  });

  it('names every missing or malformed parameter as the client sent it', () => {
    expect(fieldsOf(() => toCreateTicket({}, undefined, 'menen'))).toEqual([
      'service_code',
      'lat',
      'description',
    ]);
    expect(
      fieldsOf(() => toCreateTicket({ service_code: 'x', lat: '50.1', description: 'd' }, lighting, 'm')),
    ).toEqual(['long']);
    expect(
      fieldsOf(() =>
        toCreateTicket({ service_code: 'x', lat: '1e3', long: '3', description: 'd' }, lighting, 'm'),
      ),
    ).toEqual(['lat']);
    expect(
      fieldsOf(() =>
        toCreateTicket({ service_code: 'x', address_string: 'a', description: ['a', 'b'] }, lighting, 'm'),
      ),
    ).toEqual(['description']);
    expect(
      open311FieldError({
        field: 'reporter.email',
        rule: 'isEmail',
        message: 'reporter.email must be an email',
      }),
    ).toEqual({
      field: 'email',
      rule: 'isEmail',
      message: 'email must be an email',
    });
  });

  it('reads nl, fr and en locales in their GeoReport and HTTP spellings', () => {
    expect(languageOf('nl_BE')).toBe('nl');
    expect(languageOf('EN')).toBe('en');
    expect(languageOf('de-DE')).toBeUndefined();
    expect(languageOf(undefined)).toBeUndefined();
  });
});
