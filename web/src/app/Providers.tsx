import { useRef, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { QueryClientProvider } from '@tanstack/react-query';
import { LocaleProvider, useLocale, type Lang } from '../locales/i18n';
import { createQueryClient } from './queryClient';
import { theme } from './theme';

const ANTD_LOCALES = { 'zh-CN': zhCN, 'en-US': enUS } satisfies Record<Lang, unknown>;

function QueryProvider({ children }: { children: ReactNode }) {
  const { message } = AntApp.useApp();
  const { t } = useLocale();
  const tRef = useRef(t);
  tRef.current = t;
  const [client] = useState(() => createQueryClient(() => void message.warning(tRef.current('common.sessionExpired'))));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

function AntdProviders({ children }: { children: ReactNode }) {
  const { lang } = useLocale();
  return (
    <ConfigProvider locale={ANTD_LOCALES[lang]} theme={theme}>
      <AntApp>
        <QueryProvider>{children}</QueryProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** Language, Ant Design (locale, theme, message/modal context) and TanStack Query. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <LocaleProvider>
      <AntdProviders>{children}</AntdProviders>
    </LocaleProvider>
  );
}
