import { Button, Dropdown } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { LANGS, useLocale, type Lang } from '../locales/i18n';

/** Switches the UI language (remembered in this browser). */
export function LanguageSwitch({ light }: { light?: boolean }) {
  const { lang, setLang, t } = useLocale();
  return (
    <Dropdown
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: LANGS.map((l) => ({ key: l, label: t(`lang.${l}`) })),
        onClick: ({ key }) => setLang(key as Lang),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        title={t('lang.label')}
        style={light ? { color: 'rgba(255,255,255,0.85)' } : undefined}
      >
        {t(`lang.${lang}`)}
      </Button>
    </Dropdown>
  );
}
