import { describe, expect, it } from 'vitest';
import { isStrongPassword } from './passwordRules';

describe('isStrongPassword', () => {
  it('accepts 10+ characters with letters and digits, like the server', () => {
    expect(isStrongPassword('Redshield2026')).toBe(true);
    expect(isStrongPassword('Kestrel2026')).toBe(true);
  });
  it('refuses short, letter-only and digit-only passwords', () => {
    expect(isStrongPassword('abc123')).toBe(false);
    expect(isStrongPassword('abcd12345')).toBe(false);
    expect(isStrongPassword('abcdefghij')).toBe(false);
    expect(isStrongPassword('1234567890')).toBe(false);
  });
});
