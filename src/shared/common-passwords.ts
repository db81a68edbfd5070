/**
 * Data for the password policy (shared/password-policy.ts). Two lists, both lower case:
 * - COMMON_PASSWORDS: whole passwords that top the published leak lists (international and Chinese) and are at least
 *   8 characters long (shorter ones already fail the length rule);
 * - COMMON_WORDS: the word part of "word + digits/symbols" passwords (Password123, Gongkai2026, Woaini1314!,
 *   P@ssw0rd2026): a password whose core, after removing leading/trailing digits and symbols and undoing l33t
 *   spellings, is one of these words is refused. Includes this system's own name and role user names.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  '12345678', '123456789', '1234567890', '0123456789', '9876543210', '987654321', '11111111', '1111111111', '00000000',
  '88888888', '66666666', '12341234', '12344321', '11223344', '123123123', '147258369', '159357258', '5201314520',
  'password', 'password1', 'password12', 'password123', 'password1234', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'p@ssw0rd123',
  'qwertyuiop', 'qwerty123', 'qwerty1234', 'qwerty12345', '1qaz2wsx', '1qaz2wsx3edc', '1q2w3e4r', '1q2w3e4r5t',
  '1q2w3e4r5t6y', 'q1w2e3r4t5', 'zaq12wsx', 'qazwsxedc', 'asdfghjkl', 'zxcvbnm123', 'abc123456', 'abcd1234',
  'a1234567', 'a12345678', 'a123456789', 'aa123456', 'aa12345678', 'aaaaaaaa', 'abcdefgh', 'abc12345678', 'qq123456',
  'iloveyou', 'iloveyou1', 'woaini1314', 'woaini520', 'sunshine', 'princess', 'football', 'baseball', 'superman',
  'starwars', 'trustno1', 'whatever', 'welcome1', 'welcome123', 'changeme', 'letmein123', 'admin123', 'admin1234',
  'admin12345', 'admin@123', 'administrator', 'root1234', 'test1234', 'test123456', 'gongkai123', 'gongkai2026',
];

export const COMMON_WORDS: readonly string[] = [
  'password', 'passwd', 'passw', 'pass', 'pwd', 'mima', 'secret', 'default', 'changeme', 'letmein', 'welcome', 'hello',
  'admin', 'administrator', 'root', 'user', 'guest', 'test', 'system', 'xitong', 'server', 'login', 'master',
  'qwerty', 'qwert', 'qwer', 'qwe', 'qwertyuiop', 'asdf', 'asdfgh', 'asdfghjkl', 'zxcv', 'zxcvbn', 'zxcvbnm', 'qaz',
  'qazwsx', 'qazwsxedc', 'wsx', 'abc', 'abcd', 'abcde', 'abcdef', 'abcdefg', 'abcdefgh', 'aaa', 'aaaa', 'qq', 'qqq',
  'love', 'iloveyou', 'woaini', 'iloveu', 'sunshine', 'princess', 'dragon', 'monkey', 'football', 'baseball', 'superman',
  'batman', 'starwars', 'shadow', 'michael', 'jordan', 'trustno', 'whatever', 'freedom', 'computer', 'internet',
  'china', 'zhongguo', 'beijing', 'shanghai', 'huawei', 'taobao', 'baidu', 'weixin', 'wechat',
  'gongkai', 'zhengfu', 'gov', 'xinxi', 'xinxigongkai', 'zhengwu', 'bangong', 'guanli',
  'dengji', 'chengban', 'shenhe', 'baomi', 'fabu', 'anquan', 'shenji',
];
