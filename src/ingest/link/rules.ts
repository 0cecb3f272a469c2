// Every threshold and weight the link stage uses, with the reason for its
// value. Change them here only, and re-run `npm run eval` to see the effect.

export const LINK_RULES = {
  /**
   * Minimum share of a commitment's term weight that an outcome must cover to
   * count as evidence. 0.3: a report usually restates the work in fewer words
   * than the plan (市中心医院新区医院 for 市中心医院迁建（新区医院）项目), so
   * demanding most of the plan's words misses true reports; below 0.3 generic
   * pairs (两个 "建设" sentences) start to pass.
   */
  evidenceMinScore: 0.3,
  /** Shared content terms needed besides the score: one shared rare word is a coincidence, two are a topic. */
  evidenceMinSharedTerms: 2,
  /** A shared indicator or named institution is strong evidence on its own: it adds this much to the score. */
  indicatorBonus: 0.3,
  institutionBonus: 0.15,
  /** At most this many outcomes evidence one commitment: the best ones; a long list of weak matches helps nobody. */
  evidencePerCommitment: 3,
  /**
   * And one outcome evidences at most this many commitments: a broad report
   * (所有县区人民医院均建成了公共卫生医学中心…) otherwise attaches to every task
   * that shares two words with it.
   */
  evidencePerOutcome: 3,
  /**
   * An outcome that lists works (全力以赴推进市级大型集中隔离点项目、市中心医院新区医院、市骨科医院新院区…)
   * reports on each of them: it may evidence as many commitments as it lists, up to this many.
   */
  evidencePerOutcomeMax: 8,
  /**
   * A paragraph's lead (塑造区域发展新格局。) is reported through the works its
   * paragraph lists (src/ingest/leads.ts): it takes at most this many of their
   * evidence links, the best ones, besides its own.
   */
  evidenceThroughWorks: 3,
  /**
   * The shared words must also weigh this much on their own (sum of idf, as a
   * share of the weight of a word seen once in the region): two common words
   * are not a topic even when they are all a short clause has. 0.7 is about
   * two words each in under a fifth of a region's statements.
   */
  minSharedWeight: 0.7,
  /**
   * Continuation (a later commitment on the same work) compares two plans,
   * which use the same vocabulary, so it can ask for more overlap than evidence.
   */
  continuationMinScore: 0.4,
  continuationMinSharedTerms: 2,
  continuationPerCommitment: 2,
  /**
   * A summary of year Y can report on commitments due in Y, or late, in Y+1.
   * Silence in an earlier year is "not yet due", not "not reported".
   */
  reportingLateYears: 1,
  /**
   * Indicator progress (the method national SDG dashboards use): the growth
   * observed so far as a share of the growth the target needs by now.
   * ≥ 1 on track; ≥ 0.5 acceleration needed; ≥ 0 limited progress; < 0 moving away.
   */
  progressOnTrack: 1,
  progressAcceleration: 0.5,
} as const;
