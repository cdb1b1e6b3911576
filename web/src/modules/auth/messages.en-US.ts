import type zh from './messages.zh-CN';

/** English strings of the login page, the password dialogs and the role names: the same keys as messages.zh-CN.ts. */
const messages: Record<keyof typeof zh, string> = {
  'auth.username': 'Username',
  'auth.password': 'Password',
  'auth.usernameRequired': 'Enter your username',
  'auth.passwordRequired': 'Enter your password',
  'auth.login': 'Log in',
  'auth.loginTitle': 'Sign in',
  'auth.publicResultsLink': 'Published results of random inspections (no login)',
  'auth.publicDisclosuresLink': 'Typical cases and consumer warnings (no login)',
  'auth.loginHint': 'Use the account issued by your unit',
  'auth.logout': 'Log out',
  'auth.loggedOut': 'You have logged out',
  'auth.changePassword': 'Change password',
  'auth.mustChangePassword': 'You must change your password before continuing (first login or password reset).',
  'auth.currentPassword': 'Current password',
  'auth.newPassword': 'New password',
  'auth.confirmPassword': 'Confirm new password',
  'auth.passwordRule': 'At least 10 characters, with both letters and digits; not a common password or the user name',
  'auth.passwordInvalid': 'The password does not meet the rule',
  'auth.passwordMismatch': 'The two new passwords do not match',
  'auth.passwordChanged': 'Password changed',
  'auth.systemAdmin': 'System administrator (platform)',
  'auth.noUnit': 'All units',

  'role.admin': 'Administrator',
  'role.office': 'Campaign office',
  'role.liaison': 'Liaison',
  'role.handler': 'Case handler',
  'role.reviewer': 'Legal reviewer',
  'role.leader': 'Bureau leader',
  'role.supervisor': 'Inspector',
};

export default messages;
