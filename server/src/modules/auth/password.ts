import { hash, verify } from '@node-rs/argon2';
import { invalidField } from '../../platform/errors';

// @node-rs/argon2 hashes with argon2id by default (memory 19 MiB, 2 passes, as OWASP recommends).
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A password an official can remember but not guess: 8+ characters with letters and digits. */
export function checkPasswordStrength(password: string, field = 'password') {
  if (password.length < 8) throw invalidField(field, '密码至少 8 位');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) throw invalidField(field, '密码须同时包含字母和数字');
}
