// Chinese and circled numerals as they appear in section markers.

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23; null for anything else. */
export function chineseNumber(s: string): number | null {
  if (!s) return null;
  if (/^\d+$/.test(s)) return Number(s);
  const ten = s.indexOf('十');
  if (ten === -1) return s.length === 1 && s in DIGITS ? DIGITS[s]! : null;
  const tens = ten === 0 ? 1 : DIGITS[s.slice(0, ten)];
  const rest = s.slice(ten + 1);
  const ones = rest === '' ? 0 : DIGITS[rest];
  if (tens === undefined || ones === undefined || (ten > 1) || rest.length > 1) return null;
  return tens * 10 + ones;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export function circledNumber(c: string): number | null {
  const i = CIRCLED.indexOf(c);
  return i === -1 ? null : i + 1;
}

export const CN_NUM = '[一二三四五六七八九十]{1,3}';
export const CIRCLED_CLASS = `[${CIRCLED}]`;
