import { RequestQuota } from './request-quota';

describe('RequestQuota', () => {
  it('allows `limit` calls per sliding window and says how long until the next one', () => {
    let t = 0;
    const quota = new RequestQuota(2, 1000, () => t);
    expect([quota.take('k'), quota.take('k')]).toEqual([0, 0]);
    t = 400;
    expect(quota.take('k')).toBe(600);
    expect(quota.take('other key')).toBe(0);
    t = 1000;
    expect([quota.take('k'), quota.take('k'), quota.take('k')]).toEqual([0, 0, 1000]);
  });
});
