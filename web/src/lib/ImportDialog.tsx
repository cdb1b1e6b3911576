import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { api, ApiError } from './api';
import { uploadFile } from './upload';
import { useT } from '../locales/i18n';

export interface ImportDialogProps {
  open: boolean;
  title: string;
  /** The POST route of the import (…/cases/import, …/leads/import). */
  url: string;
  /** The header row the file must carry, shown to the user. */
  columns: string;
  /** Downloads an empty .xlsx with the header row (and notes on each column), when the import has one. */
  template?: () => Promise<unknown>;
  onClose: () => void;
  onImported: (count: number) => void;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; fraction: number }
  | { kind: 'checking'; rows: number }
  | { kind: 'done'; imported: number }
  | { kind: 'failed'; error: ApiError | Error };
interface RowError {
  row?: number;
  column?: string;
  message: string;
}

/**
 * Imports a .csv or .xlsx all or nothing: shows the bytes sent, then the rows checked (polling the
 * server's progress while the request runs), then either how many records came in, or every bad
 * row with its column and reason, so the user can fix the spreadsheet and try again.
 */
export function ImportDialog({ open, title, url, columns, template, onClose, onImported }: ImportDialogProps) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const poll = useRef<number | null>(null);
  const busy = phase.kind === 'uploading' || phase.kind === 'checking';

  const stopPolling = () => {
    if (poll.current !== null) window.clearInterval(poll.current);
    poll.current = null;
  };
  useEffect(() => stopPolling, []);

  const reset = () => {
    stopPolling();
    setFile(null);
    setPhase({ kind: 'idle' });
  };

  const start = async () => {
    if (!file) return;
    const token = crypto.randomUUID();
    setPhase({ kind: 'uploading', fraction: 0 });
    try {
      const result = await uploadFile<{ imported: number }>(`${url}?progress=${token}`, file, (fraction) => {
        if (fraction < 1) return setPhase({ kind: 'uploading', fraction });
        // All bytes sent: the server is reading and checking the rows.
        setPhase({ kind: 'checking', rows: 0 });
        if (poll.current === null) {
          poll.current = window.setInterval(async () => {
            const { data } = await api.GET('/api/imports/{token}', { params: { path: { token } } });
            if (data) setPhase((p) => (p.kind === 'checking' ? { kind: 'checking', rows: data.rowsRead } : p));
          }, 700);
        }
      });
      stopPolling();
      setPhase({ kind: 'done', imported: result.imported });
      onImported(result.imported);
    } catch (e) {
      stopPolling();
      setPhase({ kind: 'failed', error: e instanceof Error ? e : new Error(String(e)) });
    }
  };

  const rowErrors: RowError[] =
    phase.kind === 'failed' && phase.error instanceof ApiError ? (phase.error.problem?.errors ?? []) : [];

  return (
    <Modal
      open={open}
      title={title}
      width={760}
      maskClosable={!busy}
      closable={!busy}
      onCancel={() => {
        if (busy) return;
        reset();
        onClose();
      }}
      footer={
        <Space>
          <Button disabled={busy} onClick={() => (phase.kind === 'idle' ? onClose() : reset())}>
            {phase.kind === 'idle' ? t('common.cancel') : t('imports.again')}
          </Button>
          {phase.kind === 'done' ? (
            <Button type="primary" onClick={() => (reset(), onClose())}>
              {t('imports.close')}
            </Button>
          ) : (
            <Button
              type="primary"
              disabled={!file || phase.kind !== 'idle'}
              loading={busy}
              onClick={() => void start()}
            >
              {t('imports.start')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('imports.rules')}</Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text strong>{t('imports.header')}</Typography.Text>
        <Typography.Text code copyable>
          {columns}
        </Typography.Text>
        {template && (
          <Button type="link" icon={<DownloadOutlined />} onClick={() => void template()}>
            {t('imports.template')}
          </Button>
        )}
      </Typography.Paragraph>
      {phase.kind === 'idle' && (
        <Upload.Dragger
          accept=".csv,.xlsx"
          maxCount={1}
          beforeUpload={(f) => (setFile(f), false)}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('imports.drop')}</p>
          <p className="ant-upload-hint">{t('imports.hint')}</p>
        </Upload.Dragger>
      )}
      {phase.kind === 'uploading' && (
        <Progress
          percent={Math.round(phase.fraction * 100)}
          status="active"
          format={(p) => t('imports.uploading', { percent: p ?? 0 })}
        />
      )}
      {phase.kind === 'checking' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Progress percent={100} status="active" showInfo={false} />
          <Typography.Text data-testid="import-rows">{t('imports.checking', { rows: phase.rows })}</Typography.Text>
        </Space>
      )}
      {phase.kind === 'done' && (
        <Alert type="success" showIcon message={t('imports.done', { count: phase.imported })} />
      )}
      {phase.kind === 'failed' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type="error"
            showIcon
            message={
              phase.error instanceof ApiError
                ? (phase.error.problem?.detail ?? phase.error.message)
                : t('common.networkError')
            }
          />
          {rowErrors.length > 0 && (
            <Table<RowError>
              size="small"
              rowKey={(e, i) => `${e.row}-${e.column}-${i}`}
              dataSource={rowErrors}
              pagination={{ pageSize: 8, showSizeChanger: false }}
              columns={[
                { title: t('imports.row'), dataIndex: 'row', width: 80 },
                { title: t('imports.column'), dataIndex: 'column', width: 140 },
                { title: t('imports.problem'), dataIndex: 'message' },
              ]}
            />
          )}
        </Space>
      )}
    </Modal>
  );
}
