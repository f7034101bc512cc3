import { defaultDisplayName, defaultMailProfile } from './default-mail-profile';

describe('defaultMailProfile', () => {
  it('names cities and municipalities as their citizens know them, in three languages', () => {
    expect(defaultDisplayName('kortrijk', 'Kortrijk')).toEqual({
      nl: 'Stad Kortrijk',
      fr: 'Ville de Courtrai',
      en: 'City of Kortrijk',
    });
    expect(defaultDisplayName('anzegem', 'Anzegem')).toEqual({
      nl: 'Gemeente Anzegem',
      fr: "Commune d'Anzegem",
      en: 'Municipality of Anzegem',
    });
  });

  it('sends from a meldpunt address of the municipality', () => {
    const profile = defaultMailProfile(
      {
        code: 'spiere-helkijn',
        name: 'Spiere-Helkijn',
        languages: ['nl', 'fr'],
        timezone: 'Europe/Brussels',
      },
      'meldpunt.local',
    );
    expect(profile.senderAddress).toBe('meldpunt@spiere-helkijn.meldpunt.local');
    expect(profile.displayName.fr).toBe("Commune d'Espierres-Helchin");
    expect(profile.forwardedMail).toBe(false);
  });
});
