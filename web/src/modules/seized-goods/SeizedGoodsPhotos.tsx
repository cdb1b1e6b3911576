import { App, Button, Card, Empty, Flex, Image, Popconfirm, Typography, Upload } from 'antd';
import {
  CameraOutlined,
  DeleteOutlined,
  DownloadOutlined,
  EnvironmentOutlined,
  FieldTimeOutlined,
} from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { fileSize, formatDateTime } from '../../lib/format';
import { useDownload } from '../../lib/useDownload';
import { useShowError } from '../../lib/useShowError';
import {
  downloadSeizedGoodsFile,
  seizedGoodsFileUrl,
  useSeizedGoodsMutations,
  type SeizedGoodsAttachment,
} from './api';
import { photoPlace } from './seized-goods-form';

/**
 * The photos (and files) of seized goods or of one disposal: each photo with 拍摄时间 and 地点 as the
 * phone wrote them; 拍照上传 opens the phone's camera (accept image/*, capture environment).
 */
export function SeizedGoodsPhotos({
  recordId,
  files,
  disposalId,
  canAdd,
  title,
}: {
  recordId: string;
  files: SeizedGoodsAttachment[];
  disposalId?: string;
  canAdd: boolean;
  title?: string;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { upload, remove } = useSeizedGoodsMutations();
  const { downloading, download } = useDownload();
  const mine = files.filter((f) => (f.disposalId ?? undefined) === disposalId);

  const uploadButton = canAdd && (
    <Upload
      showUploadList={false}
      accept="image/*"
      capture="environment"
      customRequest={({ file }) =>
        upload.mutateAsync({ id: recordId, file: file as File, disposalId }).then(
          (a) => void message.success(t('seized.photoUploaded', { name: a.fileName })),
          (e: unknown) => showError(e),
        )
      }
    >
      <Button size="small" icon={<CameraOutlined />} loading={upload.isPending}>
        {t('seized.takePhoto')}
      </Button>
    </Upload>
  );

  const body = mine.length ? (
    <Flex gap={16} wrap>
      {mine.map((f) => {
        const place = photoPlace(f.takenLatitude, f.takenLongitude);
        return (
          <div key={f.id} className="rs-seized-photo" style={{ width: 180 }}>
            {f.mimeType.startsWith('image/') ? (
              <Image
                src={seizedGoodsFileUrl(recordId, f.id)}
                alt={f.fileName}
                width={180}
                height={135}
                style={{ objectFit: 'cover' }}
              />
            ) : (
              <Typography.Text>{f.fileName}</Typography.Text>
            )}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              <FieldTimeOutlined /> {t('seized.takenAt')}：{f.takenAt ? formatDateTime(f.takenAt) : t('seized.unknown')}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              <EnvironmentOutlined /> {t('seized.takenPlace')}：{place ?? t('seized.unknown')}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {`${fileSize(f.sizeBytes)} · ${f.uploadedByName}`}
            </Typography.Text>
            <Flex gap={4}>
              <Button
                type="link"
                size="small"
                icon={<DownloadOutlined />}
                loading={downloading === f.id}
                onClick={() => void download(f.id, () => downloadSeizedGoodsFile(recordId, f))}
              >
                {t('seized.download')}
              </Button>
              {f.canRemove && (
                <Popconfirm
                  title={t('seized.confirmDeletePhoto', { name: f.fileName })}
                  onConfirm={() =>
                    remove.mutateAsync({ id: recordId, attachmentId: f.id }).catch((e: unknown) => showError(e))
                  }
                  okText={t('common.ok')}
                  cancelText={t('common.cancel')}
                >
                  <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                    {t('seized.delete')}
                  </Button>
                </Popconfirm>
              )}
            </Flex>
          </div>
        );
      })}
    </Flex>
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('seized.noPhotos')} />
  );

  if (!title)
    return (
      <Flex vertical gap={8}>
        {uploadButton && <div>{uploadButton}</div>}
        {body}
      </Flex>
    );
  return (
    <Card title={title} size="small" extra={uploadButton}>
      {body}
    </Card>
  );
}
