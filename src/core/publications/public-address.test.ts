import { describe, expect, it } from 'vitest';
import { publicWebsite } from './public-address.js';

describe('publicWebsite: only an address the public can reach goes into the 公开指南 (条例 Art.12)', () => {
  const cases: [string | null, string | null][] = [
    ['http://localhost:3000', null], // the demo's old default (issue 11)
    ['localhost', null],
    ['http://127.0.0.1:3000/', null],
    ['http://192.168.1.20', null],
    ['http://10.0.0.5:8080', null],
    ['http://[::1]:3000', null],
    ['http://gongkai', null],
    ['', null],
    [null, null],
    ['ftp://www.example.gov.cn', null],
    ['https://www.example.gov.cn', 'https://www.example.gov.cn'],
    ['www.example.gov.cn/zwgk', 'www.example.gov.cn/zwgk'],
  ];
  for (const [input, expected] of cases) it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => expect(publicWebsite(input)).toBe(expected));
});
