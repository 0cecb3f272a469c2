/**
 * The researcher questions GraphiQL opens with, one tab each, and that the
 * bench measures. Each is a named operation that runs on the current schema;
 * the ids in them are stable for the seeds (they derive from the file name
 * and text offsets).
 */
export interface Example {
  /** The operation's name: what GraphiQL keys its tab by, and the bench row's label. */
  readonly name: string;
  /** What the tab shows, in Chinese and English: an operation name can be neither Chinese nor spaced. */
  readonly title: { readonly zh: string; readonly en: string };
  /** The question it answers, shown as a comment at the top of the tab. */
  readonly question: string;
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>>;
}

export const examples: readonly Example[] = [
  {
    name: 'NoReportedResult2022',
    title: { zh: '未报告的承诺', en: 'Unreported commitments' },
    question:
      'Which commitments in force in 2022 have no reported result? NOT_REPORTED (the 2022 report of their region is silent on them, five-year tasks included) and UNTRACKED (no 2022 report to look in) apart.',
    query: `query NoReportedResult2022 {
  unreported(year: 2022) {
    notReported(orderBy: DUE_YEAR) {
      totalCount
      nodes {
        status
        text
        region
        dueYear
        reporting(year: 2022) {
          state
          reason
        }
        source {
          documentId
          quote
          start
          end
        }
      }
    }
    untracked(first: 10) {
      totalCount
      nodes {
        text
        region
        reporting(year: 2022) {
          state
          reason
        }
        document {
          title
        }
      }
    }
  }
}`,
  },
  {
    name: 'TraceRelocation',
    title: { zh: '医院迁建追踪', en: 'Trace a hospital relocation' },
    question: 'What happened to the 市中心医院 relocation across the years? The chain from the five-year plan through reports to later plans.',
    query: `query TraceRelocation {
  trace(commitmentId: "doc-7884afb05359:t16258") {
    steps {
      year
      kind
      document {
        title
      }
      commitment {
        text
        status
      }
      outcome {
        text
        progress
      }
      links {
        type
        verdict
        score
        terms
      }
    }
  }
}`,
  },
  {
    name: 'IndicatorProgress',
    title: { zh: '指标进展', en: 'Indicator progress' },
    question: 'How did infant mortality move against its target? Every value with its source, and the pace against the target.',
    query: `query IndicatorProgress {
  indicators(where: { name: "婴儿死亡率" }) {
    name
    unit
    series {
      kind
      year
      value
      text
      region
      source {
        quote
      }
    }
    progress {
      verdict
      explanation
    }
  }
}`,
  },
  {
    name: 'HospitalAskedAndDone',
    title: { zh: '医院的任务与成效', en: 'A hospital: asked and done' },
    question: 'What was 南阳市中心医院 asked to do, and what was it reported to have done?',
    query: `query HospitalAskedAndDone {
  institutions(where: { name: "南阳市中心医院" }) {
    nodes {
      name
      type
      commitments {
        text
        status
        statusReason
      }
      outcomes {
        text
        progress
      }
    }
  }
}`,
  },
  {
    name: 'Search',
    title: { zh: '全文检索', en: 'Search' },
    question: 'Where do the documents speak of 公有产权村卫生室? Ranked, with the matches marked and where each was read.',
    query: `query Search {
  search(text: "公有产权村卫生室", first: 10) {
    totalCount
    pageInfo {
      endCursor
      hasNextPage
    }
    nodes {
      kind
      score
      highlighted
      source {
        documentId
        start
        end
      }
      document {
        title
      }
    }
  }
}`,
  },
  {
    name: 'Documents',
    title: { zh: '文件清单', en: 'Documents' },
    question: 'Which documents are in the corpus: what kind, which region, which years?',
    query: `query Documents {
  documents {
    id
    title
    kind
    region
    regionStatus
    years
  }
}`,
  },
  {
    name: 'KaifengCommitments2022',
    title: { zh: '开封2022年承诺', en: 'Kaifeng 2022 commitments' },
    question: 'What did the 2022 Kaifeng plan commit to, and where exactly does it say so?',
    query: `query KaifengCommitments2022 {
  commitments(where: { region: "开封市", planYear: 2022 }) {
    totalCount
    nodes {
      text
      sectionPath
      source {
        quote
        start
        end
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}`,
  },
  {
    name: 'NanyangOutcomes2022',
    title: { zh: '南阳2022年成效', en: 'Nanyang 2022 outcomes' },
    question: 'What did 南阳市 report for 2022, and how far did each piece of work get?',
    query: `query NanyangOutcomes2022 {
  outcomes(where: { region: "南阳市", year: 2022 }) {
    totalCount
    nodes {
      text
      progress
      progressWords
      sectionPath
      source {
        quote
        start
        end
      }
    }
  }
}`,
  },
  {
    name: 'SectionTree',
    title: { zh: '文件结构', en: 'Section tree' },
    question: "How is a document organised? The Kaifeng 2022 plan's section tree, three levels deep.",
    query: `query SectionTree($region: String = "开封市") {
  documents(where: { region: $region, kind: ANNUAL_PLAN }) {
    title
    sections {
      number
      heading
      role
      children {
        number
        heading
        children {
          number
          heading
        }
      }
    }
  }
}`,
  },
];

/** The tab's title: `未报告的承诺 · Unreported commitments`. */
export function tabTitle(example: Example): string {
  return `${example.title.zh} · ${example.title.en}`;
}

/** The text a tab opens with: the question as a comment, then the operation. */
export function tabText(example: Example): string {
  return `# ${example.question}\n${example.query}\n`;
}
