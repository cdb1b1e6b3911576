import { useEffect, type ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../locales/i18n';
import { ShieldLogo } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * The frame of a page for the public, without login (双随机 results, 曝光与消费警示): the shield and the
 * page's title, the language switch and the staff's way in; the page's title in the browser tab too.
 */
export function PublicPage({
  title,
  staffLogin,
  children,
}: {
  title: string;
  staffLogin: string;
  children: ReactNode;
}) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} - ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="rs-public">
      <header className="rs-public-header">
        <Flex align="center" gap={12}>
          <ShieldLogo size={36} />
          <div>
            <Typography.Title level={4} style={{ margin: 0, color: '#fff' }}>
              {title}
            </Typography.Title>
            <Typography.Text style={{ color: 'rgba(255,255,255,0.8)' }}>{t('app.name')}</Typography.Text>
          </div>
        </Flex>
        <Flex align="center" gap={16}>
          <LanguageSwitch light />
          <Link to="/" style={{ color: '#fff' }}>
            {staffLogin}
          </Link>
        </Flex>
      </header>
      <main className="rs-public-main">{children}</main>
    </div>
  );
}
