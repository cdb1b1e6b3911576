/** Chinese strings of the login page, the password dialogs and the role names (merged into locales/zh-CN.ts). */
const messages = {
  'auth.username': '用户名',
  'auth.password': '密码',
  'auth.usernameRequired': '请输入用户名',
  'auth.passwordRequired': '请输入密码',
  'auth.login': '登录',
  'auth.loginTitle': '账号登录',
  'auth.publicResultsLink': '双随机抽查结果公示（无需登录）',
  'auth.loginHint': '请使用本单位分配的账号登录',
  'auth.logout': '退出登录',
  'auth.loggedOut': '已退出登录',
  'auth.changePassword': '修改密码',
  'auth.mustChangePassword': '首次登录或密码被重置后，须先修改密码才能继续使用。',
  'auth.currentPassword': '当前密码',
  'auth.newPassword': '新密码',
  'auth.confirmPassword': '确认新密码',
  'auth.passwordRule': '至少 10 位，须同时包含字母和数字，不能是常见密码或用户名',
  'auth.passwordInvalid': '密码不符合要求',
  'auth.passwordMismatch': '两次输入的新密码不一致',
  'auth.passwordChanged': '密码已修改',
  'auth.systemAdmin': '系统管理员（全平台）',
  'auth.noUnit': '全部单位',

  'role.admin': '系统管理员',
  'role.office': '专项办',
  'role.liaison': '联络员',
  'role.handler': '办案人员',
  'role.reviewer': '法制审核',
  'role.leader': '局领导',
  'role.supervisor': '督查组',
} as const;

export default messages;
