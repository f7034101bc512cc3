import { fillPlaceholders, unknownPlaceholders } from './answer-placeholders';

describe('answer placeholders', () => {
  it('fills in the ticket, with a fallback for what it lacks', () => {
    expect(
      fillPlaceholders(
        'Beste {name}, uw melding {reference} over {category} in {municipality}.',
        {
          name: null,
          reference: 'ZWVL-2026-000001',
          category: 'Openbare verlichting',
          municipality: 'Stad Kortrijk',
        },
        { name: 'melder' },
      ),
    ).toBe('Beste melder, uw melding ZWVL-2026-000001 over Openbare verlichting in Stad Kortrijk.');
  });

  it('names the placeholders that do not exist, and leaves them alone when filling', () => {
    expect(unknownPlaceholders('Beste {naam}, {reference} {adres}')).toEqual(['naam', 'adres']);
    expect(fillPlaceholders('Beste {naam}', { name: 'An' })).toBe('Beste {naam}');
  });
});
