import { randomBytes } from 'node:crypto';
import { CredentialsCipher } from './credentials-cipher';

describe('CredentialsCipher', () => {
  const cipher = new CredentialsCipher(randomBytes(32));
  const secret = { username: 'meldpunt', password: 'app-password-1' };

  it('opens what it sealed, and never stores the secret in clear', () => {
    const sealed = cipher.seal('kortrijk', secret);
    expect(sealed).not.toContain('app-password-1');
    expect(cipher.open('kortrijk', sealed)).toEqual(secret);
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.seal('kortrijk', secret)).not.toBe(cipher.seal('kortrijk', secret));
  });

  it('refuses another municipality, another key and tampering', () => {
    const sealed = cipher.seal('kortrijk', secret);
    expect(() => cipher.open('menen', sealed)).toThrow();
    expect(() => new CredentialsCipher(randomBytes(32)).open('kortrijk', sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('x' + Buffer.from(parts[3], 'base64url').toString('latin1'), 'latin1').toString(
      'base64url',
    );
    expect(() => cipher.open('kortrijk', parts.join('.'))).toThrow();
  });
});
