import type { Actor } from '../platform/actor';
import { todayInChina } from '../platform/today';
import { shiftDate } from '../modules/calendar/working-days';
import type { Services } from '../services';
import { demoPhotoJpeg } from './demo-jpeg';

/** 'YYYY-MM-DD' and a time of day as a phone's camera writes them ('YYYY:MM:DD HH:MM:SS'). */
const cameraTime = (day: string, time: string) => `${day.replace(/-/g, ':')} ${time}`;

/**
 * 涉案财物 / 罚没物品 of 崇明区局's 执法大队 (seed 002: 查获私宰肉3478公斤 … 依法没收; 没收不合格成品油21吨):
 * the 私宰肉 seized on the demo's first food outing, confiscated by the penalty decision and destroyed
 * by 无害化处理 before two witnesses, with the photos of the seizure and of the destruction (EXIF
 * time and place); the outing's 假冒白酒 still in the store pending its case; 21 吨 of 成品油
 * confiscated on the spot and partly handed over; electric bicycles returned after testing.
 */
export async function seedDemoSeizedGoods(
  services: Services,
  people: { handler: Actor; secondHandler: Actor },
  ids: Map<string, string>,
  campaignId: string,
) {
  const { inspectionsService, seizedGoodsService, seizedGoodsAttachmentsService } = services;
  const brigade = ids.get('CM-ZFDD')!;
  const today = todayInChina();
  const { handler } = people;
  const outings = await inspectionsService.list(handler, { campaignId, unitId: brigade, page: 1, pageSize: 100 });
  const outingWith = (goods: string) => outings.items.find((o) => o.seizures.some((s) => s.goods === goods))!;
  const base = {
    unitId: brigade,
    campaignId,
    place: '崇明区市场监管局涉案财物仓库',
    custodianId: handler.userId,
  };
  const photo = async (recordId: string, fileName: string, day: string, time: string, disposalId?: string) =>
    seizedGoodsAttachmentsService.add(
      handler,
      recordId,
      {
        fileName,
        content: demoPhotoJpeg({
          dateTimeOriginal: cameraTime(day, time),
          latitude: 31.622512,
          longitude: 121.397843,
        }),
      },
      disposalId,
    );

  // 私宰肉 3478 公斤: 扣押 on the outing, 没收 by the decision, 销毁 by 无害化处理.
  const meatOuting = outingWith('私宰肉');
  const rows = await seizedGoodsService.outingSeizures(handler, meatOuting.id);
  const meatRow = rows.seizures.find((s) => s.goods === '私宰肉')!;
  const seized = meatOuting.inspectionDate;
  let meat = await seizedGoodsService.create(handler, {
    ...base,
    categoryCode: meatOuting.categoryCode,
    goods: '私宰肉',
    measure: 'detained',
    quantity: meatRow.quantity,
    quantityUnit: meatRow.unit,
    description: '未经检疫的猪肉，白条及分割肉，冷藏',
    place: '崇明区市场监管局涉案财物仓库 冷库1号',
    seizedDate: seized,
    inspectionId: meatOuting.id,
    inspectionSeizureId: meatRow.id,
    ownerName: '陈某（城乡结合部无照屠宰点）',
    note: '现场查获，清点过磅，当事人签字确认',
  });
  await photo(meat.id, '扣押现场.jpg', seized, '10:42:05');
  const confiscatedOn = shiftDate(seized, 21);
  meat = await seizedGoodsService.dispose(handler, meat.id, {
    kind: 'confiscated',
    disposalDate: confiscatedOn,
    quantity: meat.quantity,
    basis: `沪市监崇处〔${confiscatedOn.slice(0, 4)}〕108号行政处罚决定书`,
    version: meat.version,
  });
  const destroyedOn = shiftDate(confiscatedOn, 5);
  meat = await seizedGoodsService.dispose(handler, meat.id, {
    kind: 'destroyed',
    disposalDate: destroyedOn,
    quantity: meat.quantity,
    method: '无害化处理（高温化制）',
    witnesses: ['黄志强', '陆佳', '崇明区动物卫生监督所 张卫东'],
    recipient: '上海某动物无害化处理中心',
    note: '全程录像，处理中心出具无害化处理证明',
    version: meat.version,
  });
  await photo(meat.id, '销毁现场.jpg', destroyedOn, '14:16:40', meat.disposals.at(-1)!.id);

  // 假冒注册商标白酒 75 瓶: 扣押, still in the store while the case runs.
  const liquorOuting = outingWith('假冒注册商标白酒');
  const liquorRow = (await seizedGoodsService.outingSeizures(handler, liquorOuting.id)).seizures[0];
  await seizedGoodsService.create(handler, {
    ...base,
    categoryCode: liquorOuting.categoryCode,
    goods: liquorRow.goods,
    measure: 'detained',
    quantity: liquorRow.quantity,
    quantityUnit: liquorRow.unit,
    description: '53度 500ml 瓶装，外包装标注“茅台”',
    place: '崇明区市场监管局涉案财物仓库 A区3号货架',
    seizedDate: liquorOuting.inspectionDate,
    inspectionId: liquorOuting.id,
    inspectionSeizureId: liquorRow.id,
    ownerName: '崇明某商行',
    note: '已送权利人鉴定，待案件处理决定',
  });

  // 不合格成品油 21 吨: 没收 on the spot, 12.5 吨 handed over for recovery so far.
  const oilDay = shiftDate(today, -45);
  const oil = await seizedGoodsService.create(handler, {
    ...base,
    categoryCode: 'product_quality',
    goods: '不合格成品油（柴油）',
    measure: 'confiscated',
    quantity: '21',
    quantityUnit: '吨',
    place: '上海某石化储运公司 3号储罐（代为保管）',
    seizedDate: oilDay,
    ownerName: '崇明某加油站',
    note: '检验硫含量不合格，依法没收',
  });
  await seizedGoodsService.dispose(handler, oil.id, {
    kind: 'handed_over',
    disposalDate: shiftDate(oilDay, 14),
    quantity: '12.5',
    method: '交有资质单位回收处置',
    recipient: '上海某石化储运公司',
    witnesses: ['陆佳'],
    version: oil.version,
  });

  // 电动自行车 6 台: 查封 pending testing, returned when it passed.
  const bikeDay = shiftDate(today, -30);
  const bikes = await seizedGoodsService.create(people.secondHandler, {
    ...base,
    custodianId: people.secondHandler.userId,
    categoryCode: 'product_quality',
    goods: '电动自行车（待检验）',
    measure: 'sealed',
    quantity: '6',
    quantityUnit: '台',
    place: '崇明某车行仓库（就地查封）',
    seizedDate: bikeDay,
    ownerName: '崇明某车行',
  });
  await seizedGoodsService.dispose(people.secondHandler, bikes.id, {
    kind: 'returned',
    disposalDate: shiftDate(bikeDay, 12),
    quantity: '6',
    method: '检验合格，解除查封',
    recipient: '崇明某车行',
    witnesses: [],
    version: bikes.version,
  });
}
