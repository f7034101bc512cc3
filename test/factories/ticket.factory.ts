/** A valid intake body; override what the test is about. */
export function ticketBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'report',
    channel: 'web',
    categoryCode: 'public-lighting',
    description: 'De straatlamp voor huisnummer 12 brandt al een week niet meer.',
    location: { address: 'Kerkstraat 12', postcode: '8500' },
    reporter: {
      name: 'An Peeters',
      email: 'an.peeters@example.be',
      phone: '0470 12 34 56',
      language: 'nl',
      consent: true,
    },
    ...overrides,
  };
}
