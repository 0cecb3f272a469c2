// Sentences of the genre that stand in plan and review parts without being
// work to do or work done: the year's framing, the guiding thought, appraisals,
// thanks, conditionals and exhortations. Each pattern with the reason it is
// there; statements.ts gives them the class BACKGROUND (or PROBLEM).
//
// > | 今年是新中国成立70周年，是全面建成小康社会…的关键之年      framing
// > | 只要就业稳、收入增，我们就更有底气                          conditional
// > | 向香港特别行政区同胞…表示诚挚感谢                           thanks

// Said in plans and reviews alike: 只要…就…, and 一定能 / 必将 / 坚信.
const CONDITIONAL = /只要.{1,40}[，,].{0,30}(?:就|必|一定)/;
const BELIEF = /一定(?:能|会)|必将|坚信/;

/** Not commitments, wherever they stand in a plan part. */
export const PLAN_RHETORIC: ReadonlyArray<readonly [string, RegExp]> = [
  ['the year framed, not a task (今年是…之年)', /^(?:20\d{2}年|今年|明年|过去一年|过去的一年)(?:是|正值)/],
  ['the guiding thought (做好政府工作，要以…为指导)', /^做好.{0,12}工作[，,]要|以习近平.{0,40}思想为指导[，,].{0,80}(?:坚持|完整准确全面贯彻|统筹)/],
  ['a conditional promise (只要…就…)', CONDITIONAL],
  ['a prediction or a belief (一定能, 必将, 我们坚信)', BELIEF],
  ['a confidence (我们有能力…, 有信心)', /(?:我们|我国)有(?:信心|能力|条件|底气)|有信心/],
  ['the situation (当前…, 综合分析…, 我国…处于)', /^(?:当前|当今世界|综合分析|从国际看|从国内看|我国(?:发展)?(?:仍|正|已)?(?:处于|有|拥有|是)|我们有|中国(?:秉持|愿|人民)|这(?:次|是|会|将))/],
  ['an appraisal of what is planned (上述…, 实现这些目标，需要…)', /^(?:上述|以上(?:目标|任务|措施|各项)|实现(?:这些|上述)目标|完成(?:这些|上述)任务)/],
  ['an appeal (让我们…, 团结在…周围)', /^让我们|团结在.{0,40}周围|^各位代表/],
  ['a maxim (X是Y之本)', /^[^，,。]{1,14}(?:本质上)?是[^，,。]{0,24}(?:之本|之源|关键|根本|基础|前提|核心|本分|失职|必然要求|根本之策|重大举措|大头|所在|形式|保障|之策|之要)$/],
];

/** Not outcomes, though they stand in a review part. */
export const REVIEW_RHETORIC: ReadonlyArray<readonly [string, RegExp]> = [
  ['the year framed (过去一年是…开局之年)', /^(?:20\d{2}年|过去一年|过去的一年|一年来)(?:是|极不平凡)/],
  ['thanks and tributes (表示诚挚感谢, 致以崇高敬意)', /表示(?:诚挚|衷心|崇高)?的?(?:感谢|敬意)|致以.{0,8}(?:敬意|问候|感谢)/],
  ['an appraisal of the year (成绩来之不易, 这再次表明, 根本在于, …的结果)', /来之不易|这(?:再次)?(?:表明|说明)|根本在于|^(?:成绩|这些成绩|过去一年取得的成绩).{0,40}(?:结果|得益于)|的结果$/],
  ['the difficulties faced (我们面对的是…)', /^我们面对的是|^(?:我国发展|我们)面临.{0,30}(?:形势|挑战|压力)|^[^，]{0,20}(?:遭遇波折|受到冲击|交织|叠加)/],
  ['a resolve (我们一定要…, 决不辜负…)', /^我们一定|决不辜负|思危方能居安/],
  ['a conditional promise (只要…就…)', CONDITIONAL],
  ['a prediction or a belief (一定能, 必将)', BELIEF],
];

/**
 * Opens a paragraph of problems inside a review part (在充分肯定成绩的同时，
 * 要清醒看到…问题和挑战): it and the sentences after it in its paragraph are
 * problems, up to a resolve (我们一定…).
 */
export const PROBLEMS_OPEN = /清醒(?:地)?(?:看到|认识到)|(?:面临|存在)的?(?:问题和挑战|困难和挑战|困难和问题|问题和不足|突出问题)/;

export function rhetoricOf(text: string, rules: ReadonlyArray<readonly [string, RegExp]>): string | null {
  for (const [why, re] of rules) if (re.test(text)) return why;
  return null;
}
