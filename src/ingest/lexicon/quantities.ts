// Rule tables for reading quantities in running text (facts/quantities.ts).

/**
 * A unit that starts a longer word: the number is not counted in that unit.
 * `**户外猩球项目` is a masked name followed by 户外 (outdoor), not `**户`;
 * `**组工〔…〕` a masked column name, not `**组`; `31支队伍` is 31 支 of
 * 队伍, not 31 支队. Pairs: [unit, the word it would cut].
 */
export const UNIT_FALSE_FRIENDS: ReadonlyArray<readonly [string, string]> = [
  ['户', '户外'], ['组', '组工'], ['组', '组织'], ['支队', '支队伍'], ['所', '所有'], ['所', '所属'], ['名', '名单'],
  ['名', '名称'], ['家', '家庭'], ['人', '人民'], ['项', '项目'], ['次', '次要'], ['台', '台阶'], ['批', '批准'],
  ['对', '对接'], ['对', '对口'], ['起', '起草'], ['起', '起步'],
];

/** Comparator words of one character that also end everyday words: `履约`, `签约`, `附近`, `到达`. */
export const ONE_CHARACTER_PREFIX = /^(?:约|近|达)$/;

/**
 * Who an age bound qualifies: `60岁以上老年人`, `3—11岁儿童`, `5岁以下儿童死亡率`.
 * Such a bound is part of the name of a population, not a measured value.
 */
export const POPULATION_AFTER_AGE = /^(?:以上|以下|及以上|及以下)?(?:的)?(?:儿童|婴幼儿|幼儿|老年人|老人|人群|人口|成人|成年人|妇女|孕产妇|青少年|学生|新生儿|居民|患者|女性|男性|职工)/;

/** Between a number and its unit: `80余次`, `3000多人`, `1.47万余人` — at least the number. */
export const AT_LEAST_MARK = /^(?:余|多)/;

/** Magnitudes written after a number in running text, longest first; bare 百/千 are left out (`百分点`, `百元`). */
export const RUNNING_MAGNITUDES: ReadonlyArray<readonly [string, number]> = [
  ['千万', 1e7],
  ['百万', 1e6],
  ['十万', 1e5],
  ['万', 1e4],
  ['亿', 1e8],
];

/**
 * A number without unit or magnitude is a quantity only as a bare count
 * after the name of what is counted and before a pause: `注册人数256753，`,
 * `卫生村569、社区20个`. Not after these characters: `及110、119` are
 * telephone numbers, `第3` an ordinal.
 */
export const BARE_NOT_AFTER = /[及和与或至到第、，,。；;：:（(“"]/;
export const BARE_BEFORE = /^(?:$|[，,。；;、）)\s])/;

/** Units of money: an amount far too small for what it funds may have lost its 万 or 亿. */
export const MONEY_UNIT = /^元$/;
export const FUNDING_SUBJECT = /资金|投资|经费|金额|款/;
export const PER_UNIT_SUBJECT = /^(?:人均|次均|均次|户均|百元|每)/;
// Funding written in plain 元 below this is suspicious in a government work report.
export const SMALL_FUNDING_YUAN = 1000;
