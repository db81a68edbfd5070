import type { ThemeConfig } from 'antd';

/** Government-portal look: a restrained red-brown primary, system CJK fonts, compact radii. */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#b8252a',
    colorLink: '#1f5fae',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#1d2733', bodyBg: '#f3f4f6', triggerBg: '#161e27' },
    Menu: { darkItemBg: '#1d2733', darkSubMenuItemBg: '#161e27', darkItemSelectedBg: '#b8252a' },
  },
};
