import {
  chineseDate,
  chineseNumeral,
  type Block,
  type OfficialDocument,
} from '../../../platform/documents/official-document';
import type { CampaignsService } from '../campaigns.service';

type CampaignView = Awaited<ReturnType<CampaignsService['get']>>;

const WEEKDAYS = ['', '一', '二', '三', '四', '五', '六', '日'];

/** What a fixed-date report covers, as a plan would say it (report-deadlines.ts `datePeriod`). */
const DATES_COVER = {
  sincePrevious: '',
  quarter: '上一季度情况',
  yearToDate: '（数据为当年1月1日至报送日前一日累计数）',
} as const;

/** 信息报送 schedules in the words a plan uses. */
export function describeSchedule(s: CampaignView['reportSchedules'][number]): string {
  switch (s.kind) {
    case 'monthly':
      return `${s.name}：每月${s.dayOfMonth}日前报送上月情况${s.cumulative ? '（数据为年初至上月末累计数）' : ''}${s.afterEnd ? '，行动结束后报送最后一个月的情况' : ''}。`;
    case 'weekly':
      return `${s.name}：每周${WEEKDAYS[s.weekday]}${s.time}前报送。`;
    case 'daily':
      return `${s.name}：集中行动期间每日${s.time}前报送。`;
    case 'dates':
      return `${s.name}：${s.dates.map(chineseDate).join('、')}前报送${DATES_COVER[s.covers ?? 'sincePrevious']}。`;
  }
}

const period = (a: string, b: string) => `${chineseDate(a)}至${chineseDate(b)}`;

/** The plan as the body of an official document: 一、工作目标 … with （一） and 1. below. */
export function planDocument(c: CampaignView): OfficialDocument {
  const name = (id: string) => c.units.find((u) => u.id === id)?.name ?? '';
  const blocks: Block[] = [];
  let h1 = 0;
  const heading1 = (text: string) => blocks.push({ kind: 'heading1', text: `${chineseNumeral(++h1)}、${text}` });
  const para = (text: string) => text.trim() && blocks.push({ kind: 'paragraph', text: text.trim() });

  if (c.basis.length) para(`根据${c.basis.join('、')}要求，结合实际，制定本方案。`);
  if (c.goals.length) {
    heading1('工作目标');
    c.goals.forEach(para);
  }

  heading1('时间安排');
  para(`行动时间：${period(c.startDate, c.endDate)}。`);
  c.phases.forEach((p, i) =>
    blocks.push({
      kind: 'heading2',
      text: `（${chineseNumeral(i + 1)}）${p.name}（${period(p.startDate, p.endDate)}）。`,
      rest: p.description,
    }),
  );
  if (c.concentratedWindows.length) {
    para(
      `集中行动：${c.concentratedWindows.map((w) => `${w.name}（${period(w.startDate, w.endDate)}）`).join('；')}。`,
    );
  }

  if (c.tasks.length) {
    heading1('重点任务');
    const areas = [...new Set(c.tasks.map((t) => t.area))];
    const units = (t: CampaignView['tasks'][number]) => {
      const lead = [...t.leadUnitIds.map(name), ...t.pendingLeadRoles].join('、');
      const coop = [...t.cooperatingUnitIds.map(name), ...t.pendingCooperatingRoles].join('、');
      return `（牵头单位：${lead || '待定'}${coop ? `；配合单位：${coop}` : ''}）`;
    };
    areas.forEach((area, ai) => {
      const tasks = c.tasks.filter((t) => t.area === area);
      if (areas.length > 1) blocks.push({ kind: 'heading2', text: `（${chineseNumeral(ai + 1)}）${area}` });
      tasks.forEach((t, ti) => {
        const label = areas.length > 1 ? `${ti + 1}.${t.title}。` : `（${chineseNumeral(ti + 1)}）${t.title}。`;
        blocks.push({ kind: areas.length > 1 ? 'heading3' : 'heading2', text: label, rest: `${t.content}${units(t)}` });
      });
    });
  }

  if (c.leadership.length || c.officeUnitId) {
    heading1('组织领导');
    const members = (role: string) =>
      c.leadership.filter((m) => m.role === role).map((m) => [m.name, m.title].filter(Boolean).join('　'));
    for (const role of ['组长', '副组长', '成员'] as const) {
      const list = members(role);
      if (list.length) para(`${role}：${list.join('；')}`);
    }
    if (c.officeUnitId) para(`领导小组办公室设在${name(c.officeUnitId)}，负责专项行动的组织、协调和日常工作。`);
  }

  if (c.kpis.length) {
    heading1('工作指标');
    c.kpis.forEach((k, i) =>
      para(
        `${i + 1}.${k.name}${k.comparator === '>=' ? '不低于' : k.comparator === '>' ? '高于' : k.comparator === '<=' ? '不高于' : k.comparator === '<' ? '低于' : '达到'}${k.target}${k.unit}。${k.description}`,
      ),
    );
  }

  if (c.reportSchedules.length || c.liaisonDeadline) {
    heading1('信息报送');
    if (c.liaisonDeadline)
      para(
        `各参加单位于${chineseDate(c.liaisonDeadline)}前报送本单位分管领导和联络员名单${c.officeUnitId ? `至${name(c.officeUnitId)}` : ''}。`,
      );
    c.reportSchedules.forEach((s) => para(describeSchedule(s)));
  }

  for (const s of c.sections) {
    heading1(s.heading.replace(/^[一二三四五六七八九十]+、/, ''));
    for (const p of s.paragraphs) {
      // "（一）提高政治站位。……" prints its heading in 楷体 and the rest in 仿宋 on the same line.
      const m = /^(（[一二三四五六七八九十]+）[^。]{1,30}。)(.*)$/.exec(p.trim());
      if (m) blocks.push({ kind: 'heading2', text: m[1], rest: m[2] });
      else para(p);
    }
  }
  if (c.contact) para(c.contact);

  return {
    organMark: `${c.issuingOrgan}文件`,
    docNumber: c.docNumber,
    title: c.name,
    recipients: c.recipients,
    body: blocks,
    attachments: c.attachments,
    signature: c.issuingOrgan,
    date: c.issueDate,
    printedBy: c.officeUnitId ? `${c.issuingOrgan}${name(c.officeUnitId).replace(c.issuingOrgan, '')}` : c.issuingOrgan,
    printedDate: c.issueDate,
  };
}
