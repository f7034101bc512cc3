import { PasswordHasher } from './password-hasher';
import { passwordPolicyErrors } from './password-policy';
import { RequestContext } from './request-context';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();
  it('verifies the right password only, with a random salt per hash', async () => {
    const a = await hasher.hash('correct-horse-battery-1');
    const b = await hasher.hash('correct-horse-battery-1');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await hasher.verify('correct-horse-battery-1', a)).toBe(true);
    expect(await hasher.verify('correct-horse-battery-2', a)).toBe(false);
    expect(await hasher.verify('x', 'plain')).toBe(false);
  });
});

describe('passwordPolicyErrors', () => {
  it('wants 12+ characters, not letters or digits only, not the e-mail', () => {
    expect(passwordPolicyErrors('kort1', 'a@b.be').map((e) => e.rule)).toContain('minLength');
    expect(passwordPolicyErrors('alleenmaarletters', 'a@b.be').map((e) => e.rule)).toEqual([
      'mixedCharacters',
    ]);
    expect(passwordPolicyErrors('els.peeters-2026', 'els.peeters@kortrijk.be').map((e) => e.rule)).toEqual([
      'notEmail',
    ]);
    expect(passwordPolicyErrors('correct-horse-battery-1', 'a@b.be')).toEqual([]);
  });
});

describe('RequestContext', () => {
  it('gives region-wide roles every municipality and municipal agents only theirs', () => {
    const agent = RequestContext.forUser({
      id: '1',
      name: 'A',
      roles: ['municipal_agent'],
      municipalities: ['menen'],
    });
    expect(agent.canSee('menen')).toBe(true);
    expect(agent.canSee('kortrijk')).toBe(false);
    expect(
      RequestContext.forUser({ id: '2', name: 'B', roles: ['regional_agent'], municipalities: [] }).scope,
    ).toBe('all');
    expect(
      RequestContext.forUser({ id: '3', name: 'C', roles: ['supervisor'], municipalities: ['avelgem'] })
        .scope,
    ).toEqual(['avelgem']);
    expect(
      RequestContext.forUser({ id: '4', name: 'D', roles: ['municipal_agent'], municipalities: [] }).scope,
    ).toEqual([]);
  });
});
