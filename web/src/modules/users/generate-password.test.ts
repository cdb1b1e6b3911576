import { describe, expect, it } from 'vitest';
import { generatePassword } from './generate-password';

describe('a generated password', () => {
  it('can be read out: letters and digits without look-alikes, starting with a letter and ending with a digit', () => {
    for (let i = 0; i < 200; i++) {
      const password = generatePassword();
      expect(password).toHaveLength(12);
      expect(password).toMatch(/^[A-Za-z][A-Za-z0-9]{10}[0-9]$/);
      expect(password).not.toMatch(/[0O1lI]/);
    }
  });

  it('takes another length', () => {
    expect(generatePassword(16)).toHaveLength(16);
  });
});
