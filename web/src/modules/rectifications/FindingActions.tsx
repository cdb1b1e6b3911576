import { useState } from 'react';
import { Button, Space } from 'antd';
import { useT } from '../../locales/i18n';
import type { Finding } from './api';
import { FindingFormModal, ReplyModal, ReviewModal } from './RectificationModals';

type Open = 'edit' | 'reply' | 'close' | 'return' | null;

/** The buttons of a finding the server's `can` allows: 修改, 报送整改情况, 销号, 退回, each with its dialog. */
export function FindingActions({
  finding,
  units,
  size,
}: {
  finding: Finding;
  /** The units a finding of its visit may concern (for 修改). */
  units?: { id: string; name: string }[];
  size?: 'small';
}) {
  const t = useT();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <>
      <Space size="small" wrap>
        {finding.can.reply && (
          <Button size={size} type="primary" onClick={() => setOpen('reply')}>
            {t('rectifications.reply')}
          </Button>
        )}
        {finding.can.close && (
          <Button size={size} type="primary" onClick={() => setOpen('close')}>
            {t('rectifications.close')}
          </Button>
        )}
        {finding.can.review && (
          <Button size={size} danger onClick={() => setOpen('return')}>
            {t('rectifications.return')}
          </Button>
        )}
        {finding.can.edit && (
          <Button size={size} onClick={() => setOpen('edit')}>
            {t('common.edit')}
          </Button>
        )}
      </Space>
      {open === 'edit' && finding.visitId && (
        <FindingFormModal
          visitId={finding.visitId}
          units={units ?? []}
          defaultUnitId={finding.unitId}
          record={finding}
          onClose={close}
        />
      )}
      {open === 'reply' && <ReplyModal finding={finding} onClose={close} />}
      {(open === 'close' || open === 'return') && <ReviewModal finding={finding} mode={open} onClose={close} />}
    </>
  );
}
