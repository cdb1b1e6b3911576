import { useState } from 'react';
import { App, Button, Tooltip } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { ImportDialog } from './ImportDialog';
import { useT } from '../locales/i18n';

/**
 * A button that opens the import dialog for a campaign's records; disabled, saying why, until a
 * campaign is chosen. After an import the given queries are refreshed.
 */
export interface ImportButtonProps {
  label: string;
  title: string;
  campaignId?: string;
  path: (campaignId: string) => string;
  columns: string;
  /** Downloads the import's template (.xlsx), linked in the dialog. */
  template?: () => Promise<unknown>;
  needsCampaign: string;
  refresh: readonly unknown[];
}

export function ImportButton(props: ImportButtonProps) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const button = (
    <Button icon={<UploadOutlined />} disabled={!props.campaignId} onClick={() => setOpen(true)}>
      {props.label}
    </Button>
  );
  return (
    <>
      {props.campaignId ? button : <Tooltip title={props.needsCampaign}>{button}</Tooltip>}
      {props.campaignId && (
        <ImportDialog
          open={open}
          title={props.title}
          url={props.path(props.campaignId)}
          columns={props.columns}
          template={props.template}
          onClose={() => setOpen(false)}
          onImported={(count) => {
            void message.success(t('imports.done', { count }));
            void queryClient.invalidateQueries({ queryKey: props.refresh });
          }}
        />
      )}
    </>
  );
}
