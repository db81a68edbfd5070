/**
 * zh-CN for Ant Design and dayjs, in one place. antd ships its locale files as CommonJS; under NodeNext typing the
 * default import is the module object, so the locale is taken from `.default` when present.
 */
import * as antdZhCN from 'antd/locale/zh_CN.js';
import type { Locale } from 'antd/es/locale/index.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';

type Interop = { default?: unknown };
const mod = antdZhCN as unknown as Interop & Locale;
const inner = mod.default as (Interop & Locale) | undefined;
export const zhCN: Locale = (inner && 'locale' in inner ? inner : inner?.default ?? mod) as Locale;

dayjs.locale('zh-cn');

export { dayjs };
