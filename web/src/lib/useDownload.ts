import { useState } from 'react';
import { App } from 'antd';
import { useT } from '../locales/i18n';
import { useShowError } from './useShowError';

/** Runs a download, says which file was saved or why not, and tells which one is under way. */
export function useDownload() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [downloading, setDownloading] = useState<string | null>(null);
  const download = async (id: string, run: () => Promise<string>) => {
    setDownloading(id);
    try {
      void message.success(t('attachments.downloaded', { name: await run() }));
    } catch (e) {
      showError(e);
    } finally {
      setDownloading(null);
    }
  };
  return { downloading, download };
}
