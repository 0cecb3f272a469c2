/**
 * The researcher questions GraphiQL opens with, one tab each, and that the
 * bench measures. Each is a named operation (GraphiQL titles its tabs by the
 * operation name) that runs on the current schema; add new questions here as
 * the schema grows (trace, scorecard, indicators…).
 */
export interface Example {
  /** The operation's name: the tab's title and the bench row's label. */
  readonly name: string;
  /** The question it answers, shown as a comment at the top of the tab. */
  readonly question: string;
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>>;
}

export const examples: readonly Example[] = [
  {
    name: 'Documents',
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

/** The text a tab opens with: the question as a comment, then the operation. */
export function tabText(example: Example): string {
  return `# ${example.question}\n${example.query}\n`;
}
