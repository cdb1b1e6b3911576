import auth from '../modules/auth/messages.zh-CN';
import units from '../modules/units/messages.zh-CN';
import users from '../modules/users/messages.zh-CN';
import audit from '../modules/audit/messages.zh-CN';
import calendar from '../modules/calendar/messages.zh-CN';
import home from '../modules/home/messages.zh-CN';
import dashboards from '../modules/dashboards/messages.zh-CN';
import campaigns from '../modules/campaigns/messages.zh-CN';
import cases from '../modules/cases/messages.zh-CN';
import leads from '../modules/leads/messages.zh-CN';
import inspections from '../modules/inspections/messages.zh-CN';
import randomChecks from '../modules/random-checks/messages.zh-CN';
import marketEntities from '../modules/market-entities/messages.zh-CN';
import reports from '../modules/reports/messages.zh-CN';
import majorEvents from '../modules/major-events/messages.zh-CN';
import disclosures from '../modules/disclosures/messages.zh-CN';
import jointOps from '../modules/joint-operations/messages.zh-CN';
import seizedGoods from '../modules/seized-goods/messages.zh-CN';
import samples from '../modules/samples/messages.zh-CN';
import recognition from '../modules/recognition/messages.zh-CN';
import workPlans from '../modules/work-plans/messages.zh-CN';
import caseSupervision from '../modules/case-supervision/messages.zh-CN';
import rectifications from '../modules/rectifications/messages.zh-CN';
import credit from '../modules/credit/messages.zh-CN';
import transfers from '../modules/transfers/messages.zh-CN';
import assistance from '../modules/assistance/messages.zh-CN';
import briefings from '../modules/briefings/messages.zh-CN';
import bulletins from '../modules/supervision-bulletins/messages.zh-CN';
import kpis from '../modules/kpis/messages.zh-CN';
import caseReviews from '../modules/case-reviews/messages.zh-CN';
import scorecards from '../modules/scorecards/messages.zh-CN';
import supervision from '../modules/supervision/messages.zh-CN';
import taskProgress from '../modules/task-progress/messages.zh-CN';
import notifications from '../modules/notifications/messages.zh-CN';
import approvals from '../modules/approvals/messages.zh-CN';
import inbox from '../modules/inbox/messages.zh-CN';
import imports from '../lib/messages.zh-CN';
import records from '../lib/records/messages.zh-CN';
import charts from '../lib/charts/messages.zh-CN';
import dashboardPanels from '../modules/dashboards/panels/messages.zh-CN';
import maps from '../modules/maps/messages.zh-CN';
import commandScreen from '../modules/command-screen/messages.zh-CN';
import offline from '../lib/offline/messages.zh-CN';
import inspectionPhotos from '../modules/inspections/photos.messages.zh-CN';

/**
 * The Chinese UI strings (the default language). This file holds only what the whole app shares:
 * the app's name, common words and errors, the languages, the menu and the layout. Each module
 * keeps its own strings beside it (modules/<name>/messages.zh-CN.ts and .en-US.ts, the same keys),
 * as do lib/ (the import dialog) and lib/records/ (the pickers); they are merged here.
 */
const shared = {
  'app.name': '红盾 RedShield',
  'app.shortName': '红盾',
  'app.brandSub': 'RedShield',
  'app.subtitle': '市场监管专项行动管理平台',
  'app.footer': '红盾 RedShield · 开源的市场监管专项行动管理平台',

  'common.ok': '确定',
  'common.cancel': '取消',
  'common.save': '保存',
  'common.create': '新建',
  'common.edit': '修改',
  'common.delete': '删除',
  'common.search': '查询',
  'common.reset': '重置',
  'common.refresh': '刷新',
  'common.actions': '操作',
  'common.yes': '是',
  'common.no': '否',
  'common.none': '无',
  'common.all': '全部',
  'common.loading': '加载中…',
  'common.saved': '已保存',
  'common.status': '状态',
  'common.active': '启用',
  'common.inactive': '停用',
  'common.total': '共 {total} 条',
  'common.retry': '重试',
  'common.loadFailed': '数据加载失败',
  'common.networkError': '无法连接服务器，请检查网络后重试',
  'common.unexpectedError': '操作失败，请稍后重试',
  'common.sessionExpired': '登录已失效，请重新登录',
  'common.offlineNoSession': '当前无网络，本机也没有仍然有效的登录。联网后将自动继续；如需重新登录，会显示登录页。',
  'common.conflictReloaded': '数据已被他人修改，已为您刷新为最新内容，请核对后再操作',
  'common.fixFields': '请检查标红的字段',
  'common.notFound': '页面不存在',
  'common.backHome': '返回工作台',
  'common.forbidden': '您没有访问此页面的权限',
  'common.totalCapped': '共 {total} 条以上（请加筛选条件缩小范围）',

  'lang.label': '语言',
  'lang.zh-CN': '简体中文',
  'lang.en-US': 'English',

  'menu.group.work': '日常工作',
  'menu.group.enforcement': '执法办案',
  'menu.group.oversight': '督查考核',
  'menu.group.cooperation': '协作与公示',
  'menu.group.system': '系统管理',
  'menu.home': '工作台',
  'menu.inbox': '我的待办',
  'menu.campaigns': '专项行动',
  'menu.leads': '案源线索',
  'menu.transfers': '移送台账',
  'menu.rectifications': '整改台账',
  'menu.credit': '信用监管',
  'menu.talentPool': '执法人才库',
  'menu.cases': '案件台账',
  'menu.caseSupervisions': '督办件台账',
  'menu.inspections': '执法检查',
  'menu.jointOperations': '联合执法',
  'menu.samples': '抽样检验',
  'menu.randomChecks': '双随机抽查',
  'menu.marketEntities': '经济户口',
  'menu.caseReviews': '案卷评查',
  'menu.supervision': '督查工作',
  'menu.units': '组织机构',
  'menu.users': '用户管理',
  'menu.audit': '审计日志',
  'menu.emailFailures': '邮件发送失败',
  'menu.calendar': '工作日历',
  'menu.comparison': '分单位对比',

  'layout.unitContext': '当前单位',
  'layout.unitContextHint': '列表页按所选单位筛选',
  'layout.userMenu': '用户菜单',
  'layout.collapse': '收起菜单',
  'layout.expand': '展开菜单',
} as const;

/** Every message file, by where it lives; en-US.ts has the same files with the same keys (locales.test.ts). */
export const zhCNFiles = {
  shared,
  auth,
  units,
  users,
  audit,
  calendar,
  home,
  dashboards,
  campaigns,
  cases,
  leads,
  inspections,
  randomChecks,
  marketEntities,
  reports,
  majorEvents,
  disclosures,
  jointOps,
  seizedGoods,
  samples,
  recognition,
  workPlans,
  caseSupervision,
  rectifications,
  credit,
  transfers,
  assistance,
  briefings,
  bulletins,
  kpis,
  caseReviews,
  scorecards,
  supervision,
  taskProgress,
  notifications,
  approvals,
  inbox,
  imports,
  records,
  charts,
  dashboardPanels,
  maps,
  commandScreen,
  offline,
  inspectionPhotos,
};

type Files = typeof zhCNFiles;
export type MessageKey = { [F in keyof Files]: keyof Files[F] }[keyof Files];

const zhCN: Record<MessageKey, string> = Object.assign({}, ...Object.values(zhCNFiles));

export default zhCN;
