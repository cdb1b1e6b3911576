import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import zhCN, { zhCNFiles } from './zh-CN';
import enUS, { enUSFiles } from './en-US';
import { format, translator } from './i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locale files', () => {
  it('zh-CN and en-US have exactly the same keys', () => {
    const zh = Object.keys(zhCN).sort();
    const en = Object.keys(enUS).sort();
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
    expect(en).toEqual(zh);
  });

  it('each message file beside its module has its English twin with the same keys', () => {
    expect(Object.keys(enUSFiles).sort()).toEqual(Object.keys(zhCNFiles).sort());
    for (const [file, zh] of Object.entries(zhCNFiles)) {
      const en = enUSFiles[file as keyof typeof enUSFiles];
      expect(Object.keys(en).sort(), file).toEqual(Object.keys(zh).sort());
    }
  });

  it('no key is in two message files (the later one would silently win)', () => {
    const owners = new Map<string, string[]>();
    for (const [file, table] of Object.entries(zhCNFiles)) {
      for (const key of Object.keys(table)) owners.set(key, [...(owners.get(key) ?? []), file]);
    }
    expect([...owners].filter(([, files]) => files.length > 1)).toEqual([]);
    expect(Object.keys(zhCN)).toHaveLength(owners.size);
  });

  it("each module's keys are in its own file: the central file has only the shared ones", () => {
    const shared = Object.keys(zhCNFiles.shared).map((key) => key.split('.')[0]);
    expect([...new Set(shared)].sort()).toEqual(['app', 'common', 'lang', 'layout', 'menu']);
  });

  it('no message is empty', () => {
    for (const table of [zhCN, enUS] as Record<string, string>[]) {
      for (const [key, value] of Object.entries(table)) expect(value.trim(), key).not.toBe('');
    }
  });

  it('each message uses the same placeholders in both languages', () => {
    const en = enUS as Record<string, string>;
    for (const [key, zh] of Object.entries(zhCN as Record<string, string>)) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh));
    }
  });

  it('the Chinese UI has no untranslated English words in its messages', () => {
    // Product names, codes and abbreviations are allowed; whole English sentences are not.
    // A language is named in its own language; file types by extension; formats and programs by name.
    const allowed = new Set([
      'RedShield',
      'ID',
      'GB',
      'English',
      'docx',
      'xlsx',
      'csv',
      'CSV',
      'UTF',
      'Excel',
      'Word',
      'PDF',
      'PNG',
      'MB',
      'jpg',
      'png',
      'gif',
      'webp',
      'doc',
      'xls',
      'ppt',
      'pptx',
      'wps',
      'et',
      'ofd',
    ]);
    for (const [key, value] of Object.entries(zhCN as Record<string, string>)) {
      const words = value.replace(/\{\w+\}/g, '').match(/[A-Za-z]{2,}/g) ?? [];
      expect(
        words.filter((w) => !allowed.has(w)),
        key,
      ).toEqual([]);
    }
  });
});

describe('the audit log names every kind of change', () => {
  it('has a label for each action and record type the server records', () => {
    const events = readFileSync(new URL('../../../server/src/modules/audit/audit.events.ts', import.meta.url), 'utf8');
    const pairs = [...events.matchAll(/^\s*'([a-z_]+\.[a-z_]+)': '([a-z_]+)'/gm)];
    expect(pairs.length).toBeGreaterThan(30);
    const keys = Object.keys(zhCN);
    expect(pairs.map((p) => `auditAction.${p[1]}`).filter((k) => !keys.includes(k))).toEqual([]);
    expect([...new Set(pairs.map((p) => `recordType.${p[2]}`))].filter((k) => !keys.includes(k))).toEqual([]);
  });
});

describe('format and translator', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(format('共 {total} 条', { total: 3 })).toBe('共 3 条');
    expect(format('{a}-{b}', { a: 1 })).toBe('1-{b}');
    expect(format('plain')).toBe('plain');
  });

  it('translates in the chosen language', () => {
    expect(translator('zh-CN')('menu.units')).toBe('组织机构');
    expect(translator('en-US')('menu.units')).toBe('Organisation');
    expect(translator('zh-CN')('units.createTitle', { parent: '崇明区局' })).toBe('在“崇明区局”下新建单位');
  });
});
