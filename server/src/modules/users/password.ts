import { hash, verify } from '@node-rs/argon2';
import { invalidField } from '../../platform/errors';
import { COMMON_PASSWORDS } from './common-passwords';

// @node-rs/argon2 hashes with argon2id by default (memory 19 MiB, 2 passes, as OWASP recommends).
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export const MIN_PASSWORD_LENGTH = 10;

/** The user name with only digits and punctuation around it ("zhangsan", "Zhangsan2026!", "1zhangsan"). */
function isUsernameBased(password: string, username: string) {
  const p = password.toLowerCase();
  const u = username.trim().toLowerCase();
  if (!u) return false;
  const at = p.indexOf(u);
  return at >= 0 && /^[^a-z]*$/.test(p.slice(0, at) + p.slice(at + u.length));
}

/**
 * Why a password may not be set, or null when it may: 10+ characters with letters and digits, not
 * one of the most common passwords, not the user name dressed up with digits. Pure (tested beside).
 */
export function passwordProblem(password: string, username?: string): string | null {
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return '该密码过于常见，容易被猜中，请换一个';
  if (username && isUsernameBased(password, username)) return '密码不能是用户名或用户名加数字';
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 位`;
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  return null;
}

/** A password an official can remember but not guess; throws 400 naming the field otherwise. */
export function checkPasswordStrength(password: string, field = 'password', username?: string) {
  const problem = passwordProblem(password, username);
  if (problem) throw invalidField(field, problem);
}
