// Indicator words and the matching rules' parameters, in one place
// (facts/indicators.ts applies them).

/**
 * A quantity is the value of an indicator only when it is a rate or level of
 * a named measure. Counts of things done (`新增托育机构134家`, `核酸检测点795个`)
 * are quantities, not indicator values: an indicator is comparable across
 * documents and years, a count of this year's work is not.
 *
 * Rate units: shares and per-population rates.
 */
export const RATE_UNIT = /^(?:%|‰|‱|\/)/;

/** Names of levels and rates, whatever their unit: per capita, per 1000, …率, …占比. */
export const LEVEL_NAME = /人均|次均|均次|户均|百元|每[千万百十]|(?:率|比例|占比|比重|构成比|水平|指数|寿命|增幅|增速|服务半径|反应时间)$/;

/** Units that say a change, not a level (`下降1个百分点`). */
export const CHANGE_UNIT = /百分点$/;

/** A number right after these words is a change (`增长60.4%`, `较2015年增加34元`), not a level. */
export const CHANGE_BEFORE = /(?:增加|增长|提高|下降|降低|减少|上升|提升|增|降)了?$/;

/** `收入的70%用于签约团队`: a share allocated to a use, a rule rather than a measured level. */
export const ALLOCATION_AFTER = /^(?:用于|作为|纳入|留用)/;

/** `由X增加至Y`: X is a baseline when it follows 由/从 … */
export const BASELINE_BEFORE = /(?:由|从)(?:原来的?)?$/;
/** … and Y the level reached, after a change verb and 至/到. */
export const REACHED_BEFORE = /^(?:增加|增长|提高|下降|降低|减少|上升|提升|增|降)?(?:至|到|为)$/;

/** `分别为75.24%、69.34%…`: values paired one by one with the numbers before them. */
export const RESPECTIVELY = /分别/;

/**
 * Names too bare to stand alone: they take the measured thing from the number
 * before (`…村卫生室达3702个，占比…` → 公有产权村卫生室占比; `孕产妇建档管理****人，
 * 管理率**％` → 孕产妇建档管理率). A rate name this short or shorter is bare.
 */
export const RELATIVE_NAMES: ReadonlySet<string> = new Set(['占比', '比例', '比重', '所占比例']);
export const BARE_RATE_LENGTH = 3;

/** Growth on its own (`同比增幅8.6%`) is a change, not a level; a named growth (`公立医院医疗收入增幅`) is an indicator. */
export const CHANGE_NAMES: ReadonlySet<string> = new Set(['增幅', '同比增幅', '增速', '同比增长', '增长率', '同比']);

/** Count words that end the antecedent but not the rate (`在管患者人数` → `在管患者`). */
export const COUNT_ENDING = /(?:人数|总数|数量|人次|数)$/;

/** A list item's verbs: before them, what the item counts (`新生儿听力筛查|共完成|58132例`). */
export const ITEM_LEAD = /^(?:已?完成|开展|实施|累计)/;
export const ITEM_VERB = /共|累计|完成|达到|达|为|已/;

/** Between the values of a `分别为` list. */
export const LIST_SEPARATOR = /^[、，,和及与]?$/;

/** A share without a measure word gets one: `县域内三级综合医院` at `50%` is `县域内三级综合医院占比`. */
export const SHARE_SUFFIX = '占比';

/**
 * Same measure, other words (applied to both sides before comparing):
 * `人均期望寿命` is `人均预期寿命`, `设立` `设置`, `比重` `比例`, and the
 * table's `每千常住人口` is the text's `每千人口`.
 */
export const SYNONYMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/期望寿命/g, '预期寿命'],
  [/设立/g, '设置'],
  [/比重/g, '比例'],
  [/常住人口/g, '人口'],
  [/达到(《[^》]+》)合格以上的?人数比例/g, '$1合格率'],
  [/[的之]/g, ''],
  [/\s+/g, ''],
  [/[(（]/g, '（'],
  [/[)）]/g, '）'],
];

/**
 * Matching a name in running text to a table row: Dice coefficient of
 * character bigrams after SYNONYMS, at least MATCH_THRESHOLD, units
 * compatible. 0.7 keeps `人均预期寿命`/`健康预期寿命` (0.6) apart while
 * `居民人均预期寿命`/`人均预期寿命` (0.83) and
 * `个人卫生支出占卫生总费用比例`/`个人支出占卫生总费用的比重` (0.83) match.
 */
export const MATCH_THRESHOLD = 0.7;

/**
 * A name of at least this many characters wholly inside a row's name
 * matches it (`注册护士数` in `每千常住人口注册护士数` — the 每千 was said once
 * for a list: `每千人口…床位数达到6.56张、…、注册护士数3.42人`); shorter
 * ones (`死亡率`) are too common.
 */
export const MIN_CONTAINED_LENGTH = 5;
export const CONTAINED_SCORE = 0.75;

/**
 * The headline indicators of the genre: the 预期目标 of a work report and what
 * the next year's review reports of them. Their growth is the measure itself
 * (`国内生产总值增长6.5%左右` / `国内生产总值增长6.9%`), where elsewhere a growth is
 * a change and no indicator. Each matches the end of the words before the
 * number, within its clause, so `年均增长7.1%` (a five-year average) and
 * `国内生产总值从54万亿元增加到82.7万亿元` do not; `name` is the one name both
 * sides get ($1, $2 are the pattern's groups), `better` the direction a
 * target counts in (a ceiling: LOWER).
 */
export const HEADLINE: ReadonlyArray<{ readonly pattern: RegExp; readonly name: string; readonly better: 'HIGHER' | 'LOWER' }> = [
  { pattern: /(国内|地区)生产总值(?:增长|增速)(?:目标)?$/, name: '$1生产总值增长', better: 'HIGHER' },
  { pattern: /居民消费价格(?:总水平)?(?:指数)?(?:涨幅|上涨)(?:幅度)?$/, name: '居民消费价格涨幅', better: 'LOWER' },
  { pattern: /城镇新增就业(?:人数)?$/, name: '城镇新增就业', better: 'HIGHER' },
  { pattern: /(?:城镇)?(登记|调查)失业率$/, name: '城镇$1失业率', better: 'LOWER' },
  { pattern: /单位(国内|地区)生产总值能耗(?:下降|降低)$/, name: '单位$1生产总值能耗下降', better: 'HIGHER' },
  { pattern: /居民人均可支配收入(?:实际)?增长$/, name: '居民人均可支配收入增长', better: 'HIGHER' },
  { pattern: /规模以上工业增加值增长$/, name: '规模以上工业增加值增长', better: 'HIGHER' },
  { pattern: /固定资产投资增长$/, name: '固定资产投资增长', better: 'HIGHER' },
  { pattern: /社会消费品零售总额增长$/, name: '社会消费品零售总额增长', better: 'HIGHER' },
  { pattern: /一般公共预算收入增长$/, name: '一般公共预算收入增长', better: 'HIGHER' },
  { pattern: /赤字率$/, name: '赤字率', better: 'LOWER' },
];

/** Words between a headline measure and its number that say nothing of it (`城镇登记失业率控制在4.5%以内`). */
export const HEADLINE_FILLER = /(?:控制在|保持在|稳定在|预期为|预计为|预期|预计|达到|实现|为|在)$/;

/** Indicators whose target is a ceiling: less is better (`居民消费价格涨幅3%左右` is met by 2%). */
export const LOWER_IS_BETTER = /失业率|价格涨幅|赤字率|死亡率|发病率|患病率|流行率|感染率/;
