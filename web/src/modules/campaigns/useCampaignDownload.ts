import { useCallback, useState } from 'react';
import { App } from 'antd';
import { useT } from '../../locales/i18n';
import { useShowError } from '../../lib/useShowError';
import { downloadCampaignDocument, type CampaignDocument } from './documents';

/** Downloads a campaign's documents, one at a time, saying which file came or why not. */
export function useCampaignDownload(campaignId: string) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [pending, setPending] = useState<CampaignDocument | null>(null);

  const download = useCallback(
    async (doc: CampaignDocument) => {
      setPending(doc);
      try {
        const name = await downloadCampaignDocument(campaignId, doc);
        void message.success(t('campaigns.downloaded', { name }));
      } catch (e) {
        showError(e);
      } finally {
        setPending(null);
      }
    },
    [campaignId, message, showError, t],
  );
  return { download, pending };
}
