import type { Actor } from '../platform/actor';
import { todayInChina } from '../platform/today';
import { shiftDate } from '../modules/calendar/working-days';
import type { Services } from '../services';

/**
 * 抽样检验 in 崇明区局's implementation plan (seed 002: 中秋前夕对月饼开展专项抽检，有2个品种的月饼不合格,
 * 合格率为87.5%; seed 003: 对抽检不合格的食品，督促食品生产经营者采取下架、召回等措施): 16 batches of 月饼
 * taken by 城桥所 and 堡镇所 at entities of the register, 2 failed — one still in follow-up (下架 done, 立案
 * open as a lead), one closed after 下架 and 召回 — beside 散装白酒 (one failed, its follow-up overdue in
 * the office's 我的待办), 食用植物油 and 快检 of 猪肉, and two batches still at the lab.
 */
export async function seedDemoSamples(
  services: Services,
  office: Actor,
  ids: Map<string, string>,
  districtCampaignId: string,
) {
  const { samplesService, sampleFollowUpService, marketEntitiesService } = services;
  const today = todayInChina();
  const ago = (n: number) => shiftDate(today, -n);
  const entitiesOf = async (code: string) =>
    (await marketEntitiesService.list(office, { unitId: ids.get(code)!, page: 1, pageSize: 60 })).items.filter(
      (e) => e.industry === '食品销售' || e.industry === '餐饮服务',
    );
  const cqs = await entitiesOf('CM-CQS');
  const bzs = await entitiesOf('CM-BZS');
  if (cqs.length < 4 || bzs.length < 4) return;

  const base = { campaignId: districtCampaignId, categoryCode: 'food', sampleKind: 'supervision' as const };
  const lab = '上海市质量监督检验技术研究院';
  const record = (unitCode: string, entityId: string, fields: Record<string, unknown>) =>
    samplesService.create(office, {
      ...base,
      unitId: ids.get(unitCode)!,
      entityId,
      lab,
      ...fields,
    } as never);

  // 月饼: 16 batches, 8 per office, sampled 50 to 43 days ago, reported a week later.
  const brands = ['杏花楼 广式月饼 100克×6', '功德林 苏式月饼 400克', '沈大成 鲜肉月饼 散装', '元祖 冰皮月饼 320克'];
  const failed: { id: string; version: number }[] = [];
  for (let i = 0; i < 16; i++) {
    const fromCqs = i % 2 === 0;
    const list = fromCqs ? cqs : bzs;
    const entity = list[Math.floor(i / 2) % list.length];
    const fail = i === 3 || i === 10;
    const created = await record(fromCqs ? 'CM-CQS' : 'CM-BZS', entity.id, {
      product: '月饼',
      brandSpec: brands[i % brands.length],
      batch: `生产日期 ${ago(60 + i)}`,
      // The batch still in follow-up came back from the lab days ago (its lead is not overdue).
      sampledDate: i === 3 ? ago(12) : ago(50 - Math.floor(i / 2)),
      reportNumber: `QT${today.slice(0, 4)}-YB${String(i + 1).padStart(3, '0')}`,
      resultDate: i === 3 ? ago(3) : ago(43 - Math.floor(i / 2)),
      result: fail ? 'fail' : 'pass',
      failedItems: fail
        ? i === 3
          ? '菌落总数超标（标准值≤1500 CFU/g，实测 8.6×10⁴ CFU/g）'
          : '过氧化值（以脂肪计）超标'
        : null,
      followUp: fail
        ? {
            measures: i === 3 ? ['off_shelf', 'case'] : ['off_shelf', 'recall'],
            demand:
              '责令立即停止销售同批次月饼并下架封存，查明进货来源，向消费者公告召回已售产品，3日内书面报告处置情况。',
            deadline: i === 3 ? shiftDate(today, 5) : null,
          }
        : null,
    });
    if (fail) failed.push({ id: created.id, version: created.followUp!.version });
  }

  // The first failed 月饼: 下架 done, the lead for 立案 open, the follow-up not closed yet.
  const [inFollowUp, closing] = failed;
  const afterShelf = await sampleFollowUpService.progress(office, inFollowUp.id, {
    offShelfQuantity: '46',
    offShelfUnit: '盒',
    offShelfDate: ago(2),
    recallNotice: null,
    recallDate: null,
    progressNote: '当事人已将同批次月饼46盒全部下架封存，提供了进货票据，供货商为外省某食品厂。',
    version: inFollowUp.version,
  });
  await sampleFollowUpService.openLead(office, inFollowUp.id, {
    partyName: afterShelf.entityName,
    description: null,
    important: true,
    version: afterShelf.followUp!.version,
  });

  // The second: 下架 and 召回 recorded, closed by the office.
  const shelved = await sampleFollowUpService.progress(office, closing.id, {
    offShelfQuantity: '28',
    offShelfUnit: '盒',
    offShelfDate: ago(37),
    recallNotice: '在店堂显著位置张贴召回公告，电话通知会员顾客，已召回已售月饼9盒。',
    recallDate: ago(36),
    progressNote: '不合格月饼共37盒已全部下架、召回并在执法人员监督下销毁。',
    version: closing.version,
  });
  await sampleFollowUpService.close(office, closing.id, {
    closingNote: '下架、召回已完成，经营者已建立进货查验记录，复查未发现同批次产品在售，核查处置办结。',
    version: shelved.followUp!.version,
  });

  // 散装白酒 (风险监测): 5 batches, one failed whose follow-up is past its deadline.
  for (let i = 0; i < 5; i++) {
    const fail = i === 2;
    await record('CM-CQS', cqs[(i + 1) % cqs.length].id, {
      product: '散装白酒',
      sampleKind: 'risk_monitoring',
      batch: `散装 ${ago(90 + i)}`,
      sampledDate: ago(40 - i),
      reportNumber: `QT${today.slice(0, 4)}-BJ${String(i + 1).padStart(3, '0')}`,
      resultDate: ago(32 - i),
      result: fail ? 'fail' : 'pass',
      failedItems: fail ? '甲醇超标；酒精度实测值与标签标示值不符' : null,
    });
  }
  // 食用植物油: 6 batches, all pass.
  for (let i = 0; i < 6; i++)
    await record('CM-BZS', bzs[i % bzs.length].id, {
      product: '食用植物油',
      brandSpec: i % 2 ? '福临门 大豆油 5L' : '金龙鱼 调和油 5L',
      batch: ago(120 + i * 7),
      sampledDate: ago(30 - i),
      resultDate: ago(24 - i),
      result: 'pass',
    });
  // 快速检测 of 猪肉 on the market (瘦肉精): 8 batches, all pass, the same day.
  for (let i = 0; i < 8; i++)
    await record('CM-CQS', cqs[i % cqs.length].id, {
      product: '猪肉',
      sampleKind: 'rapid_test',
      lab: '城桥所快检室',
      sampledDate: ago(20 - i),
      resultDate: ago(20 - i),
      result: 'pass',
    });
  // Two batches of 汤圆 still at the lab.
  for (let i = 0; i < 2; i++)
    await record('CM-BZS', bzs[i].id, {
      product: '速冻汤圆',
      batch: ago(15 + i),
      sampledDate: ago(3 + i),
      result: 'pending',
      resultDate: null,
    });
}
