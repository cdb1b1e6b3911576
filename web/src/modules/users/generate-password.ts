/** A password an official can read out: letters and digits without look-alikes (0/O, 1/l/I). */
export function generatePassword(length = 12): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz';
  const digits = '23456789';
  const all = letters + digits;
  const random = crypto.getRandomValues(new Uint32Array(length));
  const chars = Array.from(random, (n) => all[n % all.length]);
  chars[0] = letters[random[0] % letters.length];
  chars[length - 1] = digits[random[length - 1] % digits.length];
  return chars.join('');
}
