import type { ThemeConfig } from 'antd';

/**
 * Government-portal look: the red of the portal header is brand only (styles.css); controls use a deep blue so that
 * a focused field never looks like a field in error. System CJK fonts, compact radii.
 */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1f5fae',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#1d2733', bodyBg: '#f3f4f6', triggerBg: '#161e27' },
    Menu: { darkItemBg: '#1d2733', darkSubMenuItemBg: '#161e27' },
  },
};
