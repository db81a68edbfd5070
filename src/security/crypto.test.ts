import { describe, expect, it } from 'vitest';
import { hmacSm3, parseKeys, sm3 } from './crypto.js';

describe('SM3 and HMAC-SM3', () => {
  it('SM3 matches the GB/T 32905-2016 example "abc"', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('HMAC-SM3 (RFC 2104 / GB/T 15852.2 construction) matches the GM/T 0042-2015 appendix D.3 vectors', () => {
    const key1 = Buffer.from('0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20', 'hex');
    expect(hmacSm3(key1, 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopqabcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))
      .toBe('ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a');
    const key2 = Buffer.from('0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425', 'hex');
    expect(hmacSm3(key2, Buffer.alloc(50, 0xcd))).toBe('220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae');
  });

  it('HMAC-SM3 equals H((K⊕opad) ‖ H((K⊕ipad) ‖ m)) built from SM3 itself (64-byte block)', () => {
    const key = Buffer.from('audit key held outside the database');
    const k = Buffer.concat([key, Buffer.alloc(64 - key.length)]);
    const ipad = Buffer.from(k.map((b) => b ^ 0x36));
    const opad = Buffer.from(k.map((b) => b ^ 0x5c));
    const inner = Buffer.from(sm3(Buffer.concat([ipad, Buffer.from('审计日志第 1 条')])), 'hex');
    expect(hmacSm3(key, '审计日志第 1 条')).toBe(sm3(Buffer.concat([opad, inner])));
  });

  it('the chain key is derived from the key file and differs from the personal-data keys', () => {
    const keys = parseKeys('00112233445566778899aabbccddeeff0123456789abcdef0123456789abcdef');
    expect(keys.chain).toHaveLength(32);
    expect(keys.chain.toString('hex')).toBe(hmacSm3(keys.mac, 'gongkai/audit-chain/v1'));
    expect(parseKeys('ff112233445566778899aabbccddeeff0123456789abcdef0123456789abcdee').chain.equals(keys.chain)).toBe(false);
  });
});
