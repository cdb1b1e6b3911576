import { describe, expect, it } from 'vitest';
import { disposalBody, photoPlace, QUANTITY_PATTERN, seizedGoodsBody } from './seized-goods-form';

describe('the seized goods forms’ bodies', () => {
  it('sends the quantity as the exact text typed, never a float', () => {
    const body = seizedGoodsBody({ goods: ' 私宰肉 ', quantity: ' 247.15 ', quantityUnit: '公斤', note: '  ' });
    expect(body).toMatchObject({ goods: '私宰肉', quantity: '247.15', note: null, measure: 'detained' });
    expect(typeof body.quantity).toBe('string');
    expect(seizedGoodsBody({ quantity: '0.001' }).quantity).toBe('0.001');
  });

  it('drops the outing’s row without the outing', () => {
    expect(seizedGoodsBody({ inspectionSeizureId: 'x' }).inspectionSeizureId).toBeNull();
  });

  it('accepts at most three decimals', () => {
    expect(QUANTITY_PATTERN.test('3478')).toBe(true);
    expect(QUANTITY_PATTERN.test('0.001')).toBe(true);
    expect(QUANTITY_PATTERN.test('1.2345')).toBe(false);
    expect(QUANTITY_PATTERN.test('1e3')).toBe(false);
  });

  it('trims the witnesses and drops blanks and repeats', () => {
    const body = disposalBody(
      { kind: 'destroyed', quantity: '3478', witnesses: [' 王建国', '王建国', '', '李秀英'] },
      3,
    );
    expect(body).toMatchObject({ witnesses: ['王建国', '李秀英'], version: 3, method: null });
  });

  it('writes where a photo was taken', () => {
    expect(photoPlace('31.622512', '121.397843')).toBe('31.622512°N, 121.397843°E');
    expect(photoPlace('-33.500000', '-70.250000')).toBe('33.500000°S, 70.250000°W');
    expect(photoPlace(null, null)).toBeNull();
  });
});
