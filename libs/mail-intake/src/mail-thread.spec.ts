import { mailKey, ourNotificationIds, referencedMessageIds, referenceInSubject } from './mail-thread';

describe('mail threading', () => {
  const id = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';

  it('reads In-Reply-To first, then the references newest first, once each', () => {
    expect(referencedMessageIds('<c@x.be>', '<a@x.be> <b@x.be>\r\n <c@x.be>')).toEqual([
      '<c@x.be>',
      '<b@x.be>',
      '<a@x.be>',
    ]);
    expect(referencedMessageIds(undefined, ['<a@x.be>', '<b@x.be>'])).toEqual(['<b@x.be>', '<a@x.be>']);
    expect(referencedMessageIds(undefined, undefined)).toEqual([]);
  });

  it('knows our own Message-IDs by the notification id and our domain only', () => {
    expect(
      ourNotificationIds(
        [`<${id.toUpperCase()}@meldpunt.local>`, `<${id}@elsewhere.be>`, '<abc@meldpunt.local>'],
        'meldpunt.local',
      ),
    ).toEqual([id]);
    // The dot is a dot, not any character.
    expect(ourNotificationIds([`<${id}@meldpuntxlocal>`], 'meldpunt.local')).toEqual([]);
  });

  it('finds the reference our subjects carry', () => {
    expect(referenceInSubject('RE: We hebben je melding goed ontvangen (ZWVL-2026-000123)')).toBe(
      'ZWVL-2026-000123',
    );
    expect(referenceInSubject('Straatlamp stuk')).toBeNull();
  });

  it('keys a mail by its Message-ID whatever the case, else by its content', () => {
    const raw = Buffer.from('Subject: x\r\n\r\nbody');
    expect(mailKey('<A@x.be>', raw)).toBe(mailKey('<a@x.be>', Buffer.from('other')));
    expect(mailKey(undefined, raw)).toBe(mailKey('', raw));
    expect(mailKey(undefined, raw)).not.toBe(mailKey(undefined, Buffer.from('other')));
    expect(mailKey('<a@x.be>', raw)).toMatch(/^mail:[0-9a-f]{64}$/);
  });
});
