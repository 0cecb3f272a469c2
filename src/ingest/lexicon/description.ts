// Word tables for describing a document (title, kind, issuer, region).
// Kept as data so a new genre or a new false match is a one-line change.

/** A title names its document type; an issuer line or a broken first line does not. */
export const DOC_TYPE_WORD = /总结|计划|规划|纲要|要点|谋划|打算|安排|方案|意见|报告|通知|思路|完成情况|工作回顾|办法/;

/** What a title or top-level heading says a part reports on. Tested before PLAN_WORD (`重点工作完成情况`). */
export const SUMMARY_WORD = /总结|完成情况|工作回顾|工作成效|进展情况/;

/** What a title or top-level heading says a part plans. */
export const PLAN_WORD = /计划|谋划|要点|打算|安排|思路|重点工作|重点任务/;

/** Words that make a titled plan a five-year (or other multi-year) plan. */
export const PLAN_DOCUMENT_WORD = /规划|纲要|计划|方案/;

/** How an issuing body's name ends (`南阳市卫生健康体育委员会`, `开封市卫健委员会`, `区卫生健康局`). */
export const ORG_SUFFIX = /(委员会|卫健委|卫计委|卫生健康局|卫健局|卫生局|人民政府|办公室|办公厅|领导小组|局|委|厅)$/;

/**
 * Place names that are also everyday words after 健康 (`健康长寿`, `健康平安`):
 * never read as a `健康X` slogan.
 */
export const SLOGAN_STOPWORDS: ReadonlySet<string> = new Set([
  '长寿', '平安', '和平', '太平', '永康', '安宁', '长乐', '永年', '新华', '东方', '长安', '富民',
  '康乐', '永安', '江山', '向阳', '红旗', '东风', '新兴', '光明', '团结', '胜利', '城中', '城区',
]);

/** What follows a `健康X` slogan when it names a campaign (`健康南阳建设`, `健康开封行动`). */
export const SLOGAN_NEXT = /^(?:建设|行动|规划|战略|工程|品牌|城市|之城|\d{4}|[”"」])/;

/**
 * Full names that read as ordinary phrases (`老城区改造`, `新城区`) or are too
 * generic to identify a place from a mention in running text.
 */
export const GENERIC_PLACE_NAMES: ReadonlySet<string> = new Set([
  '城区', '郊区', '矿区', '东区', '西区', '新城区', '老城区', '新市区', '市中区', '城中区', '城关区',
  '城东区', '城西区', '城北区', '新华区', '和平区',
]);

/**
 * A name hidden in the text: `**`, `＊＊`, `XX`, `××`, `○○`. One asterisk
 * is enough (`*个`), but letters and circles must repeat to count.
 */
export const MASK = '(?:[*＊]+|[×XxＸ]{2,}|○{2,})';
