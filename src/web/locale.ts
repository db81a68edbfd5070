/**
 * zh-CN for Ant Design and dayjs, in one place. antd ships its locale files as CommonJS; depending on the bundler's
 * interop the import is the locale itself or a module object whose `default` is the locale.
 */
import * as antdZhCN from 'antd/locale/zh_CN.js';
import type { Locale } from 'antd/es/locale/index.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';

function unwrap(mod: unknown): Locale {
  let cur = mod as { locale?: string; default?: unknown };
  for (let i = 0; i < 3 && cur && typeof cur.locale !== 'string' && cur.default; i++) cur = cur.default as typeof cur;
  return cur as unknown as Locale;
}

export const zhCN: Locale = unwrap(antdZhCN);

dayjs.locale('zh-cn');

export { dayjs };
