/*
 * Masking for lists and exports (DESIGN.md "Security": personal information masked in lists). Legal basis:
 * 个人信息保护法 第五十一条 (采取…去标识化等安全技术措施) and 政府信息公开条例 第十五条 (不得公开会对第三方合法权益造成损害的
 * 个人隐私). All functions work on Unicode characters (not UTF-16 units) and return '' for ''.
 */

function chars(value: string): string[] {
  return Array.from(value.trim());
}

/**
 * Masks an identity document number, keeping the region code and the last four characters of an 18- or 15-character
 * 身份证/统一社会信用代码 ('440524188001010014' → '440524********0014') and the first and last two characters of shorter
 * numbers such as passports ('E12345678' → 'E1*****78'); numbers of 4 characters or fewer are masked whole.
 */
export function maskIdNumber(idNumber: string): string {
  const c = chars(idNumber);
  const [head, tail] = c.length >= 15 ? [6, 4] : c.length >= 8 ? [2, 2] : c.length >= 5 ? [1, 1] : [0, 0];
  return c.map((ch, i) => (i < head || i >= c.length - tail ? ch : '*')).join('');
}

/**
 * Masks a telephone number: a mobile number keeps its first three and last four digits ('13900139000' →
 * '139****9000'); a fixed line keeps its area code, the last four digits of the number and any extension
 * ('010-66558740' → '010-****8740', '0755-12345678-123' → '0755-****5678-123').
 */
export function maskPhone(phone: string): string {
  const value = phone.trim();
  const mobile = /^(\+?86[-\s]?)?(1\d{2})(\d{4})(\d{4})$/.exec(value.replace(/\s+/g, ''));
  if (mobile) return `${mobile[1] ?? ''}${mobile[2]}****${mobile[4]}`;
  const fixed = /^(\(?0\d{2,3}\)?-?)(\d+?)(\d{4})((?:-|转|ext\.?|x)\d{1,6})?$/i.exec(value.replace(/\s+/g, ''));
  if (fixed) return `${fixed[1]}${'*'.repeat(fixed[2].length)}${fixed[3]}${fixed[4] ?? ''}`;
  // Anything else: keep the last four digits only.
  const c = chars(value);
  let kept = 0;
  for (let i = c.length - 1; i >= 0; i--) {
    if (/\d/.test(c[i]) && kept < 4) kept++;
    else if (/[\dA-Za-z]/.test(c[i])) c[i] = '*';
  }
  return c.join('');
}

/**
 * Masks a person's name, keeping the first character ('李四' → '李*', '欧阳娜娜' → '欧***'); a one-character name is
 * returned as '*'.
 */
export function maskName(name: string): string {
  const c = chars(name);
  if (c.length === 0) return '';
  if (c.length === 1) return '*';
  return c[0] + '*'.repeat(c.length - 1);
}

/**
 * Masks a postal address, keeping its first six characters (normally 省/市/区) and replacing the rest with '****'
 * ('北京市西城区府右街2号' → '北京市西城区****'); an address of six characters or fewer is returned unchanged.
 */
export function maskAddress(address: string): string {
  const c = chars(address);
  return c.length <= 6 ? c.join('') : `${c.slice(0, 6).join('')}****`;
}
