import { REDACTED, redactJson, redactText } from './personal-data-redaction';

describe('redactText', () => {
  const known = {
    name: 'An Peeters-Vandamme',
    email: 'an.peeters@example.be',
    phone: '+32470123456',
    address: 'Kerkstraat 12',
  };

  it('removes the reporter name, e-mail, phone and address wherever they appear', () => {
    const text =
      'Groeten, An Peeters-Vandamme (an.peeters@example.be, +32470123456). Mevrouw peeters-vandamme woont Kerkstraat 12.';
    const result = redactText(text, known);
    for (const value of ['Peeters', 'Vandamme', 'an.peeters', '470123456', 'Kerkstraat 12']) {
      expect(result.toLowerCase()).not.toContain(value.toLowerCase());
    }
    expect(result).toContain('Groeten,');
    expect(result).toContain(REDACTED);
  });

  it('removes any e-mail address and Belgian or international phone number', () => {
    const samples = [
      'bel 0470 12 34 56 na 17u',
      'bel 0470/12.34.56',
      'bel 056 23 45 67',
      'bel 056-23-45-67',
      'bel +32 (0)56 23 45 67',
      'bel 0032 470 12 34 56',
      'bel +33 6 12 34 56 78',
      'mail jan@voorbeeld.be',
      'mail j.de.smet+meldpunt@sub.gemeente.example.be',
    ];
    for (const sample of samples) {
      const result = redactText(sample, {});
      expect({ sample, result }).toEqual({ sample, result: expect.not.stringMatching(/\d{2}.*\d{2}|@/) });
    }
  });

  it('leaves ordinary text, short name parts, dates, postcodes and house numbers alone', () => {
    const text = 'Straatlamp 3 aan de Grote Markt in 8930 Menen is sinds 12/03/2027 stuk; An belde.';
    expect(redactText(text, { name: 'An De Vos' })).toBe(text);
  });
});

describe('redactJson', () => {
  it('redacts every string inside, keeping structure, numbers and booleans', () => {
    expect(
      redactJson(
        { body: 'Mail me: x@y.be', score: 4, nested: [{ comment: 'Jan Claes' }], ok: true, none: null },
        { name: 'Jan Claes' },
      ),
    ).toEqual({
      body: `Mail me: ${REDACTED}`,
      score: 4,
      nested: [{ comment: REDACTED }],
      ok: true,
      none: null,
    });
  });
});
