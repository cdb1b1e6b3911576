import type { ThemeConfig } from 'antd';

/** RedShield's look: Ant Design's default with a government red accent and CJK-first fonts. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    colorLink: '#1f5fbf',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { siderBg: '#0f2140', headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 20px' },
    Menu: { darkItemBg: '#0f2140', darkSubMenuItemBg: '#0b1a33', darkItemSelectedBg: '#c8102e' },
  },
};

export const BRAND_RED = '#c8102e';
