import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, passwordProblem } from './password';

describe('password rule', () => {
  it('accepts 10+ characters with letters and digits (the demo, test and bootstrap passwords)', () => {
    for (const p of ['Redshield2026', 'Testpass123', 'Guard-Root-2026', 'Admin12345e2e', 'Rs0123456789abc9'])
      expect(passwordProblem(p, 'admin')).toBeNull();
  });

  it('refuses the most common passwords, Chinese-typical ones included, whatever their case', () => {
    for (const p of [
      '123456',
      'a123456',
      'qwerty',
      'password1',
      'woaini1314',
      'Password123',
      'QWERTY123456',
      'woaini1314520',
      '1qaz2wsx3edc',
    ]) {
      expect(passwordProblem(p)).toBe('该密码过于常见，容易被猜中，请换一个');
    }
  });

  it('refuses the user name itself and the user name with digits around it', () => {
    expect(passwordProblem('zhangsan2026', 'ZhangSan2026')).toBe('密码不能是用户名或用户名加数字');
    expect(passwordProblem('Zhangsan2026!', 'zhangsan')).toBe('密码不能是用户名或用户名加数字');
    expect(passwordProblem('2026zhangsan', 'zhangsan')).toBe('密码不能是用户名或用户名加数字');
    expect(passwordProblem('zhangsanfeng88', 'zhangsan')).toBeNull(); // more than the name
  });

  it('refuses short, letter-only and digit-only passwords', () => {
    expect(passwordProblem('Kestrel12')).toBe('密码至少 10 位');
    expect(passwordProblem('Abcdefghijkl')).toBe('密码须同时包含字母和数字');
    expect(passwordProblem('9081726354')).toBe('密码须同时包含字母和数字');
  });

  it('answers 400 naming the field in Chinese', () => {
    expect(() => checkPasswordStrength('password1', 'newPassword')).toThrow(/^新密码：该密码过于常见/);
  });
});
