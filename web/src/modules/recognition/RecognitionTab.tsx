import { useState } from 'react';
import { Flex, Segmented } from 'antd';
import { useT } from '../../locales/i18n';
import type { Campaign } from '../campaigns/api';
import { EntriesSection } from './EntriesSection';
import { NominationsSection } from './NominationsSection';

type Part = 'typical' | 'commendation' | 'accountability';

/** The plan's 典型案例评选, 表彰 and 问责 (seed 000's 总结验收). */
export function RecognitionTab({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const [part, setPart] = useState<Part>('typical');
  return (
    <Flex vertical gap={12}>
      <Segmented<Part>
        value={part}
        onChange={setPart}
        options={[
          { value: 'typical', label: t('recognition.typicalTab') },
          { value: 'commendation', label: t('recognition.commendationTab') },
          { value: 'accountability', label: t('recognition.accountabilityTab') },
        ]}
      />
      {part === 'typical' ? (
        <NominationsSection campaignId={campaign.id} />
      ) : (
        <EntriesSection kind={part} campaignId={campaign.id} />
      )}
    </Flex>
  );
}
