import type { Actor } from '../platform/actor';
import { todayInChina } from '../platform/today';
import type { Services } from '../services';
import { demoNoteDocx } from './demo-files';

/**
 * 协查与通报 (issue 20) between the two demo districts: 崇明 (cm_office) asked 浦东 for a 协查 on a
 * supplier of one of its cases — 浦东's office (pd_office) accepted and answered with a file; 浦东
 * sent 崇明 a 线索通报 that waits for acceptance (in cm_office's inbox).
 */
export async function seedDemoAssistance(
  services: Services,
  people: { cmOffice: Actor; pdOffice: Actor },
  ids: Map<string, string>,
  year: number,
) {
  const { assistanceService, casesService } = services;
  const today = todayInChina();
  const dayOf = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const at = (n: number) => new Date(`${dayOf(-n)}T10:00:00+08:00`);
  const [someCase] = (await casesService.list(people.cmOffice, { page: 1, pageSize: 1 } as never)).items;
  const request = await assistanceService.send(
    people.cmOffice,
    {
      kind: 'assistance',
      toUnitId: ids.get('PD')!,
      caseId: someCase?.id ?? null,
      documentNumber: `沪崇市监协〔${year}〕3号`,
      title: '关于协查上海某食品贸易有限公司供货情况的函',
      facts:
        '我局在“铁拳”行动中查处崇明区某超市销售标签不符合规定的预包装食品一案，当事人称该批食品购自浦东新区的上海某食品贸易有限公司（统一社会信用代码91310115MA1H000000）。',
      requestedItems:
        '一、请核实该公司的营业执照、食品经营许可证是否有效；\n二、请调取该公司本年度向崇明区销售同批次食品的销售记录和随货同行单。',
      replyDueDate: dayOf(7),
    },
    { at: at(6) },
  );
  await assistanceService.attach(people.cmOffice, request.id, 'sender', {
    fileName: '涉案食品清单.docx',
    content: await demoNoteDocx(
      '上海市崇明区市场监督管理局',
      '涉案食品清单',
      ['1. 某品牌风味酱 250克/瓶 共48瓶', '2. 某品牌芝麻油 500毫升/瓶 共36瓶'],
      dayOf(-6),
    ),
  });
  const accepted = await assistanceService.accept(
    people.pdOffice,
    request.id,
    { version: (await assistanceService.get(people.pdOffice, request.id)).version },
    { at: at(5) },
  );
  await assistanceService.answer(
    people.pdOffice,
    request.id,
    {
      text: '经查，上海某食品贸易有限公司营业执照、食品经营许可证均在有效期内；该公司本年度向崇明区销售上述食品共两批次，销售记录及随货同行单复印件附后。',
      version: accepted.version,
    },
    { at: at(2) },
  );
  await assistanceService.attach(people.pdOffice, request.id, 'receiver', {
    fileName: '销售记录.docx',
    content: await demoNoteDocx(
      '上海市浦东新区市场监督管理局',
      '销售记录',
      ['第一批次：某品牌风味酱 120瓶', '第二批次：某品牌芝麻油 60瓶'],
      dayOf(-2),
    ),
  });
  await assistanceService.send(
    people.pdOffice,
    {
      kind: 'lead_notice',
      toUnitId: ids.get('CM')!,
      documentNumber: `沪浦市监通〔${year}〕12号`,
      title: '关于崇明区某农家乐涉嫌销售假冒白酒的线索通报',
      facts: '我局在查办一起假冒白酒案件中发现，涉案批发商曾向崇明区陈家镇某农家乐供应同批次白酒20箱。',
      requestedItems: '请核查该农家乐库存及进货情况，依法处理并将结果函告我局。',
      replyDueDate: dayOf(5),
    },
    { at: at(1) },
  );
}
