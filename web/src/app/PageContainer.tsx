import { useEffect, type ReactNode } from 'react';
import { Breadcrumb, Flex, Typography } from 'antd';
import { HomeOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router-dom';
import { useT } from '../locales/i18n';
import { navItemFor } from './nav';

export type Crumb = { key: string; title: ReactNode };

/**
 * A page: breadcrumbs, title with actions on the right, then the content. `crumbs` continue the
 * trail below the module's entry (a record's page), which then links back to the module.
 */
export function PageContainer({
  title,
  extra,
  crumbs: more = [],
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  crumbs?: Crumb[];
  children: ReactNode;
}) {
  const t = useT();
  const { pathname } = useLocation();
  const item = navItemFor(pathname);
  const crumbs: Crumb[] = [
    {
      key: 'home',
      title: (
        <Link to="/">
          <HomeOutlined /> {t('menu.home')}
        </Link>
      ),
    },
  ];
  if (item && item.path !== '/')
    crumbs.push({
      key: item.path,
      title: more.length ? <Link to={item.path}>{t(item.label)}</Link> : <span>{t(item.label)}</span>,
    });
  crumbs.push(...more);
  const pageName = item ? t(item.label) : null;
  const appName = t('app.name');

  useEffect(() => {
    document.title = pageName ? `${pageName} - ${appName}` : appName;
  }, [pageName, appName]);

  return (
    <div className="rs-page">
      <Breadcrumb items={crumbs} style={{ marginBottom: 8 }} />
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
      {children}
    </div>
  );
}
