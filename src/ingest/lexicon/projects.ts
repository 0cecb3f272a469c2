// Words for finding named projects (facts/projects.ts).

/**
 * How a project's name ends: works and programmes (项目, 工程), things built
 * (平台, 系统, 基地), quoted plans (`“诸葛英才计划”`).
 */
export const PROJECT_SUFFIX = /项目|工程|平台|系统|基地|计划”/g;

/** Suffixes of things built: named only when built, owned by a level, quoted or long. */
export const BUILT_THING = /^(?:平台|系统|基地)$/;

/** After 项目, words that make it a modifier: `…服务项目经费`, `…服务项目收费价格`. */
export const MODIFIER_AFTER = /^(?:经费|资金|补助|收费|价格|监理|库|化)/;

/** After a built thing's suffix, the words a name may be followed by (not `系统专项债券`, `系统志愿服务`). */
export const BUILT_THING_AFTER = /^(?:$|[^\p{Script=Han}]|建设|和|及|与|的|等|实现|对接|接入|应用|上线|投用|运行)/u;

/** A built thing's name is at least this long (not `市级平台`, `应用系统`). */
export const SHORTEST_BUILT_NAME = 4;

/** A 项目 with a name this long is a particular programme (`老年人智能手机培训项目`, `基本公共卫生服务项目`). */
export const LONG_PROJECT_NAME = 8;

/** Building verbs: what follows them is built, a project (`建设市传染病医院`, `加快建设全民健康信息平台`). */
export const BUILD_BEFORE = /(?:建设|建成|建立|搭建|新建|迁建|扩建|打造)$/;
export const BUILD_WORD = /^(?:建设|建成|建立|搭建|新建|打造)$/;
/** Verbs of using or improving a platform, which end its name walked leftwards (`接入|市级远程医疗服务平台`). */
export const USE_WORD = /^(?:接入|完善|实现|推进|推动|加强|创新|应用|优化|升级|依托|利用)$/;

/** After a named institution, a building word makes the pair a project (`推动市心理健康服务中心建设`). */
export const BUILD_AFTER = /^(?:迁建|扩建|改建|新院区建设|新院区|建设)/;

/** Where the last item of a list of projects stops: its verb (`…、市眼科医院新院区建成投用`). */
export const ITEM_VERB = /建成|投用|完成|开工|启用|已|正在|有序|全面|加快|推进/;

/** Building and upgrading: a name with one of these is a project (`市疾控中心迁建项目`, `院感大楼建设项目`). */
export const CONSTRUCTION_WORDS = /迁建|扩建|新建|改建|改造|建设|搬迁|新院区|院区|大楼|大厦|楼|提质|升级|达标|储备|平台|信息化|实验室/;

/** A project owned by a level of government: `市级大型集中隔离点项目`, `区应急医疗救助体系建设项目`. */
export const LEVEL_OWNER = /^(?:[省市区县](?![级县区域内])|[省市区县]级)/;

/** Verbs and framing a name is written after (`加快推进市中心医院迁建`): cut off the front. */
export const LEAD_WORDS = /^(?:(?:\s|目前|组织|创新|确保|统筹推进|持续完善|全力以赴|积极|加快|全力|大力|着力|稳步|继续|持续|扎实|深入|重点|进一步|有序|统筹|谋划|推进|实施|推动|启动|开展|完成|建设|开工|打造|争取|申报|落实|谋划推进|加快推进|积极推进|全力推进|力争|做好|抓好|抓实|按照|依托|对|将|把|在|为|和|及|与|了|、)\s*)+/;

/**
 * Heads that make `…项目` a category, not one project: `卫生重点项目`,
 * `专项债券项目26个`, `EOD项目`, `示范项目`, `民生实事项目`.
 */
export const CATEGORY_HEADS = /^(?:.{0,6}(?:重点|重大|民生实事|实事|专项债券|债券|贴息贷款|示范|试点|在建|相关|领域|国开行|EOD|PPP|EPC)|建设|内涵建设|其他|其它|各类|这些|该|一批|监测|相关|.*新|.*各)$/;

/** Before a name, words that make it plural: `一批全民健身工程`, `9个项目`. */
export const PLURAL_BEFORE = /(?:一批|等|各类|\d+个|多个|系列)$/;

/**
 * `等11个卫生重点项目`, `等重点在建项目`, `等建设项目`: the list before 等
 * names the projects one by one. A plain `等9个项目被确定为…示范项目` does not:
 * its items are the institutions where the projects are.
 */
export const LIST_TAIL = /^等\s*(?:\d+个)?[^，。；、]{0,8}(?:重点|在建|建设|重大)[^，。；、]{0,4}(?:项目|工程)/;
