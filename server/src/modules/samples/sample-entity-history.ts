import type { EntityHistorySource } from '../../platform/entity-history';
import { SAMPLE_KIND_LABELS, SAMPLE_RESULT_LABELS } from './samples.schema';
import type { SamplesService } from './samples.service';

/** An entity's samples in its 经济户口 (kind 'sample'): 月饼 批号20260901 · 监督抽检, 不合格 … */
export function createSampleEntityHistory(deps: {
  samplesService: Pick<SamplesService, 'ofEntity'>;
}): EntityHistorySource {
  return {
    kind: 'sample',
    async list(actor, entity, limit) {
      const rows = await deps.samplesService.ofEntity(actor, entity.id, limit);
      return rows.map((r) => ({
        kind: 'sample',
        recordId: r.id,
        date: r.sampledDate,
        title: `${r.product}${r.batch ? ` ${r.batch}` : ''} · ${SAMPLE_KIND_LABELS[r.sampleKind]}`,
        status: SAMPLE_RESULT_LABELS[r.result],
        unitName: r.unitName,
        link: `/samples/${r.id}`,
      }));
    },
  };
}
