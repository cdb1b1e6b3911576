import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Space,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { DownloadOutlined, FileWordOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { ATTACHMENT_ACCEPT } from '../../lib/AttachmentsCard';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { fileSize, formatDate, formatDateTime } from '../../lib/format';
import { textToParagraphs as paragraphs } from '../../lib/paragraphs';
import { RecordPageStatus, queryStatus } from '../../lib/records/RecordPageStatus';
import { useDownload } from '../../lib/useDownload';
import { useShowError } from '../../lib/useShowError';
import { PageContainer } from '../../app/PageContainer';
import {
  downloadAssistanceDocument,
  downloadAssistanceFile,
  useAssistance,
  useAssistanceMutations,
  type AssistanceFile,
  type AssistanceRequest,
} from './api';
import { AssistanceStatusTag } from './tags';
import { AcceptLeadNoticeModal } from './AcceptLeadNoticeModal';

/**
 * One 协查函 or 线索通报: the request as both sides see it, its files and answers, and what the
 * user's side may do (the server's `can`): the sender withdraws before acceptance; the receiver
 * accepts, declines with a reason, answers (again) and attaches files to its answer. Only the
 * sender's side sees the records of its own it linked.
 */
export function AssistanceRequestPage() {
  const t = useT();
  const { id } = useParams();
  const query = useAssistance(id);
  const [dialog, setDialog] = useState<'decline' | 'answer' | 'accept' | null>(null);
  const { downloading, download } = useDownload();
  if (!query.data) return <RecordPageStatus kind="assistance" {...queryStatus(query)} />;
  const r = query.data;
  return (
    <PageContainer
      title={r.title}
      extra={
        <Space wrap>
          <Actions request={r} onDialog={setDialog} />
          <Button
            icon={<FileWordOutlined />}
            loading={downloading === 'doc'}
            onClick={() => void download('doc', () => downloadAssistanceDocument(r))}
          >
            {t('assistance.document')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('assistance.kind')}>
              <Space>
                {t(`assistance.kind.${r.kind}`)}
                <Tag>{t(r.side.sender ? 'assistance.sideSender' : 'assistance.sideReceiver')}</Tag>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>
              <span className="rs-assistance-status">
                <AssistanceStatusTag status={r.status} overdue={r.overdue} />
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('assistance.from')}>{r.fromUnitName}</Descriptions.Item>
            <Descriptions.Item label={t('assistance.to')}>{r.toUnitName}</Descriptions.Item>
            <Descriptions.Item label={t('assistance.documentNumber')}>{r.documentNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('assistance.replyDueDate')}>{formatDate(r.replyDueDate)}</Descriptions.Item>
            <Descriptions.Item label={t('assistance.createdBy')}>{r.createdByName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('assistance.createdAt')}>{formatDateTime(r.createdAt)}</Descriptions.Item>
            {r.declineReason && (
              <Descriptions.Item label={t('assistance.declineReason')} span={2}>
                {r.declineReason}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5}>{t('assistance.facts')}</Typography.Title>
          {paragraphs(r.facts).map((p, i) => (
            <Typography.Paragraph key={i}>{p}</Typography.Paragraph>
          ))}
          <Typography.Title level={5}>{t('assistance.requestedItems')}</Typography.Title>
          {paragraphs(r.requestedItems).map((p, i) => (
            <Typography.Paragraph key={i}>{p}</Typography.Paragraph>
          ))}
          {r.receiver?.leadId && (
            <Typography.Paragraph type="secondary">
              {t('assistance.registeredLead')}：
              <Link to={`/leads/${r.receiver.leadId}`}>{t('assistance.linkedLead')}</Link>
            </Typography.Paragraph>
          )}
          {r.sender && (r.sender.caseId || r.sender.leadId) && (
            <Typography.Paragraph type="secondary">
              {t('assistance.linked')}：
              {r.sender.caseId && <Link to={`/cases/${r.sender.caseId}`}>{t('assistance.linkedCase')}</Link>}{' '}
              {r.sender.leadId && <Link to={`/leads/${r.sender.leadId}`}>{t('assistance.linkedLead')}</Link>}
            </Typography.Paragraph>
          )}
        </Card>
        <Files request={r} side="sender" canUpload={r.can.attachSender} />
        <Card title={t('assistance.replies')} className="rs-assistance-replies">
          {r.replies.length === 0 ? (
            <Empty description={t('assistance.noReplies')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Timeline
              items={r.replies.map((reply) => ({
                children: (
                  <>
                    <Typography.Text type="secondary">
                      {t('assistance.repliedBy', { name: reply.repliedByName, date: formatDate(reply.repliedOn) })}
                    </Typography.Text>
                    {paragraphs(reply.text).map((p, i) => (
                      <Typography.Paragraph key={i}>{p}</Typography.Paragraph>
                    ))}
                  </>
                ),
              }))}
            />
          )}
        </Card>
        <Files request={r} side="receiver" canUpload={r.can.attachReceiver} />
      </Flex>
      {dialog === 'accept' && <AcceptLeadNoticeModal request={r} onClose={() => setDialog(null)} />}
      {(dialog === 'decline' || dialog === 'answer') && (
        <ReplyDialog request={r} kind={dialog} onClose={() => setDialog(null)} />
      )}
    </PageContainer>
  );
}

function Actions({
  request: r,
  onDialog,
}: {
  request: AssistanceRequest;
  onDialog: (d: 'decline' | 'answer' | 'accept') => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { accept, withdraw } = useAssistanceMutations();
  return (
    <>
      {r.can.accept && (
        <Button
          type="primary"
          loading={accept.isPending}
          onClick={() =>
            r.kind === 'lead_notice'
              ? onDialog('accept')
              : accept.mutate(
                  { id: r.id, version: r.version },
                  { onSuccess: () => void message.success(t('assistance.accepted')), onError: (e) => showError(e) },
                )
          }
        >
          {t('assistance.accept')}
        </Button>
      )}
      {r.can.decline && (
        <Button danger onClick={() => onDialog('decline')}>
          {t('assistance.decline')}
        </Button>
      )}
      {r.can.answer && (
        <Button type="primary" onClick={() => onDialog('answer')}>
          {t('assistance.answer')}
        </Button>
      )}
      {r.can.withdraw && (
        <Popconfirm
          title={t('assistance.withdrawConfirm')}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            withdraw.mutateAsync({ id: r.id, version: r.version }).then(
              () => void message.success(t('assistance.withdrawn')),
              (e: unknown) => showError(e),
            )
          }
        >
          <Button>{t('assistance.withdraw')}</Button>
        </Popconfirm>
      )}
    </>
  );
}

interface ReplyValues {
  text?: string;
  reason?: string;
}

function ReplyDialog({
  request: r,
  kind,
  onClose,
}: {
  request: AssistanceRequest;
  kind: 'decline' | 'answer';
  onClose: () => void;
}) {
  const t = useT();
  const { answer, decline, invalidate } = useAssistanceMutations();
  const { form, saved, failed } = useFormModal<ReplyValues>({ onClose, conflict: { invalidate, then: 'close' } });
  const label = t(kind === 'answer' ? 'assistance.answerText' : 'assistance.declineReason');
  const submit = (v: ReplyValues) => {
    const text = v.text ?? v.reason ?? '';
    return kind === 'answer'
      ? answer.mutate(
          { id: r.id, version: r.version, text },
          { onSuccess: () => saved(t('assistance.answered')), onError: failed },
        )
      : decline.mutate(
          { id: r.id, version: r.version, reason: text },
          { onSuccess: () => saved(t('assistance.declined')), onError: failed },
        );
  };
  return (
    <FormModal<ReplyValues>
      form={form}
      title={t(kind === 'answer' ? 'assistance.answer' : 'assistance.decline')}
      okText={t(kind === 'answer' ? 'assistance.answer' : 'assistance.decline')}
      okDanger={kind === 'decline'}
      saving={answer.isPending || decline.isPending}
      onClose={onClose}
      onFinish={submit}
      formStyle={{ marginTop: 12 }}
    >
      <Form.Item
        name={kind === 'answer' ? 'text' : 'reason'}
        label={label}
        rules={[{ required: true, whitespace: true, message: t('cases.required', { field: label }) }]}
      >
        <Input.TextArea rows={5} />
      </Form.Item>
    </FormModal>
  );
}

function Files({
  request: r,
  side,
  canUpload,
}: {
  request: AssistanceRequest;
  side: 'sender' | 'receiver';
  canUpload: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { upload } = useAssistanceMutations();
  const { downloading, download } = useDownload();
  const files = r.attachments.filter((a) => a.side === side);
  return (
    <Card
      size="small"
      title={t(side === 'sender' ? 'assistance.senderFiles' : 'assistance.receiverFiles')}
      extra={
        canUpload && (
          <Upload
            showUploadList={false}
            accept={ATTACHMENT_ACCEPT}
            customRequest={({ file }) =>
              upload.mutateAsync({ id: r.id, side, file: file as File }).then(
                () => void message.success(t('assistance.uploaded', { name: (file as File).name })),
                (e: unknown) => showError(e),
              )
            }
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {t('assistance.upload')}
            </Button>
          </Upload>
        )
      }
    >
      <List<AssistanceFile>
        size="small"
        dataSource={files}
        locale={{ emptyText: t('assistance.noFiles') }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button
                key="get"
                type="link"
                icon={<DownloadOutlined />}
                loading={downloading === a.id}
                onClick={() => void download(a.id, () => downloadAssistanceFile(r.id, a))}
              >
                {t('assistance.download')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={a.fileName}
              description={`${fileSize(a.sizeBytes)} · ${a.uploadedByName} · ${formatDateTime(a.uploadedAt)}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
