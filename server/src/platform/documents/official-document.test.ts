import { describe, expect, it } from 'vitest';
import { chineseDate, chineseNumeral, organMarkSize, textWidthChars } from './official-document';

describe('official document layout helpers', () => {
  it('measures printed width: Chinese characters one, digits and Latin letters half', () => {
    expect(textWidthChars('2021年5月14日')).toBe(6.5);
    expect(textWidthChars('上海市崇明区市场监督管理局')).toBe(13);
  });

  it('sizes the organ mark so it stays on one line of the 156 mm type area', () => {
    const long = '上海市崇明区市场监督管理局文件';
    const size = organMarkSize(long);
    expect(size * [...long].length).toBeLessThanOrEqual((156 / 25.4) * 72);
    expect(organMarkSize('红盾文件')).toBe(36);
  });

  it('writes heading numerals and dates as GB/T 9704 prints them', () => {
    expect([1, 10, 11, 20, 23].map(chineseNumeral)).toEqual(['一', '十', '十一', '二十', '二十三']);
    expect(chineseDate('2021-05-14')).toBe('2021年5月14日');
  });
});
