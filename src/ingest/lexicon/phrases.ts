// Words that bound a noun phrase in running text: where the name of a
// measured thing (`核酸检测点` in `全市共设置核酸检测点795个`) or of an
// institution starts and ends. Data, so a new false boundary is a one-line fix.

/**
 * Scope and framing words: they say where or when, not what. A phrase walked
 * leftwards stops before them (`全市|公有产权村卫生室` → `公有产权村卫生室`).
 * `区`, `市`, `县` as a token of their own are the document's own area
 * (`区|基层医疗卫生机构基药采购金额占比`).
 */
export const SCOPE_WORDS: ReadonlySet<string> = new Set([
  '全市', '全区', '全县', '全省', '全国', '我市', '我区', '我县', '我省', '本市', '本区', '全市域', '市域',
  '辖区', '辖区内', '区内', '市内', '县内', '目前', '现有', '当前', '今年', '全年', '其中', '共有', '共', '累计',
  '新增', '合计', '总计', '共计', '区', '市', '县', '省', '各', '各级', '各类', '所有', '部分', '其余', '其他',
  '每个', '各个', '全体', '通过', '普查', '已', '均', '还', '仍', '都', '另', '如', '例如', '比如', '其中',
]);

/**
 * Verbs of the genre that jieba's dictionary tags as something else
 * (`落实/a`, `深化/j`, `建立健全/nr`, `启动/vn`, `力争/nz`): a name or a
 * measured thing never starts with them.
 */
export const GENRE_VERBS: ReadonlySet<string> = new Set([
  '落实', '深化', '充分发挥', '发挥', '建立健全', '建立', '健全', '启动', '优化', '力争', '强化', '完善', '提升', '规范',
  '加强', '促进', '引导', '鼓励', '支持', '推动', '实现', '开展', '提高', '扩大', '巩固', '构建', '打造', '争创', '创建',
  '推进', '加快', '整合', '依法', '全面', '积极', '进一步', '协调', '指导', '督促', '组织', '培训', '培养', '新一轮',
  '设置', '配置', '配齐', '配备', '设立', '新增', '新建', '迁建', '扩建', '改建', '建成', '建设', '完成', '实施', '申报', '谋划', '当地',
]);

/**
 * Words between a measured thing and its number, read through when looking
 * for the thing (`占比|达到|81.76%`, `死亡率|由|3.77‰`, `寿命|由|原来的|75岁`).
 * Comparator words are here too; the comparator itself is read elsewhere.
 */
export const CONNECTORS: ReadonlySet<string> = new Set([
  '达到', '达', '为', '是', '约', '近', '由', '从', '至', '到', '在', '了', '的', '原来', '原', '分别', '均', '仅', '仅为',
  '只有', '高达', '已达', '达到了', '稳定', '保持', '控制', '提高', '提升', '增加', '增长', '下降', '降低', '降',
  '减少', '上升', '增至', '降至', '超过', '不低于', '不超过', '不少于', '不高于', '不足', '低于', '高于', '大于',
  '小于', '至少', '最多', '平均', '共', '共计', '累计', '合计', '总计', '已', '实现', '达成', '有', '较', '比', '均达', '虽', '虽然', '才', '但', '仍',
]);

/**
 * How a measure's name ends when it is a rate or a share (`…的比例`,
 * `…接种率`). Such a name may contain a clause with a verb
 * (`二级及以上综合医院设置老年医学科的比例`), so a walk that has read one
 * goes on through verbs.
 */
export const RATE_ENDING = /(?:率|比例|占比|比重|构成比|增幅|增速|水平|指数)$/;

/** Parts of speech that end a noun phrase walked leftwards (jieba tags). */
export const PHRASE_BREAK_TAGS: ReadonlySet<string> = new Set([
  'v', 'vd', 'vi', 'vg', 'p', 'c', 'd', 'dg', 'r', 'rr', 'rz', 'u', 'ud', 'ug', 'ul', 'uv', 'uz', 'y', 'e', 'o',
  'l', 'i', 't', 'tg', 'x', 'w',
]);
