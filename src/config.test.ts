import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig: GONGKAI_TRUST_PROXY', () => {
  it('trusts a reverse proxy on the same machine unless told otherwise', () => {
    expect(loadConfig({}).trustProxy).toBe('loopback');
    expect(loadConfig({ GONGKAI_TRUST_PROXY: 'none' }).trustProxy).toBe(false);
    expect(loadConfig({ GONGKAI_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ GONGKAI_TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::1' }).trustProxy).toBe('loopback,10.0.0.0/8,fd00::1');
  });

  it('refuses a value it does not understand, saying what is allowed', () => {
    for (const bad of ['everyone', '1.2.3.4.5', '10.0.0.0/33', 'fd00::/129', '10.0.0.1/8/8']) {
      expect(() => loadConfig({ GONGKAI_TRUST_PROXY: bad })).toThrow(/GONGKAI_TRUST_PROXY 应为 none、跳数/);
    }
  });
});
