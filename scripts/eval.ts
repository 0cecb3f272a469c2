// npm run eval [-- --all] [-- --doc 004] [-- --json]
// Scores the pipeline against the annotated seeds (test/gold/) and, apart from
// them, the project's own annotated documents (the 洛阳 pair in
// test/fixtures/corpus/, whose gold names its text in `source`), and prints a
// report with an overall for each group, so a reader sees whether the rules
// that fit the seeds generalise. Always exits 0 unless the eval itself breaks: it is a report; the
// floors are enforced by test/eval/floors.test.ts.
import { parseArgs } from 'node:util';
import { overall, scoreDocument, type DocumentScore } from '../src/eval/document.ts';
import { predict } from '../src/eval/predict.ts';
import { formatComparison, formatDocument, formatOverall } from '../src/eval/report.ts';
import { evaluateLinks } from '../src/eval/link-corpus.ts';
import { formatLinkOverall, formatLinkPair } from '../src/eval/links.ts';
import { readFile } from '../src/ingest/read/index.ts';
import { evaluateCorpus } from '../src/eval/corpus-run.ts';
import { formatReporting, scoreReporting } from '../src/eval/reporting.ts';
import { formatCorpus } from '../src/eval/corpus-report.ts';
import { corpusDir, loadCorpusGold, loadCorpusStatementGold } from '../test/gold/corpus/schema.ts';
import { boxNames, documentPath, isSeed, loadBoxGold, loadGoldDocuments, loadTableGold } from '../test/gold/load.ts';
import { LINCHUAN_LINKS, loadLinkGold, LUOYANG_LINKS, NANYANG_LINKS } from '../test/gold/links/schema.ts';
import { loadNationalGold } from '../test/gold/links/national-schema.ts';
import { formatNational, NATIONAL_YEARS, predictNational, scoreNationalPair } from '../src/eval/national.ts';

const CAP = 15;

const { values } = parseArgs({
  options: {
    all: { type: 'boolean', default: false },
    doc: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

const tables = loadTableGold();
const boxes = loadBoxGold();
const golds = loadGoldDocuments().filter(({ gold }) => !values.doc || gold.document.startsWith(values.doc));
if (golds.length === 0) {
  console.error(`no annotated document matches --doc ${values.doc}`);
  process.exit(2);
}

const scored: Array<{ score: DocumentScore; text: string; seed: boolean }> = [];
let factsWired = true;
for (const { gold } of golds) {
  const read = await readFile(documentPath(gold));
  if (!read.ok) throw new Error(read.failure.reason);
  const table = tables.get(gold.document)?.rows ?? null;
  const prediction = predict(read.source);
  factsWired &&= prediction.factsWired;
  scored.push({ score: scoreDocument(gold, read.source.text, prediction, { tableGold: table, boxNames: boxNames(boxes.get(gold.document)) }), text: read.source.text, seed: isSeed(gold) });
}
const seeds = scored.filter((s) => s.seed);
const own = scored.filter((s) => !s.seed);
const total = overall(seeds.map((s) => s.score));
const ownTotal = overall(own.map((s) => s.score));

// Links are corpus-wide: scored once over the whole corpus, not per --doc.
const links = await evaluateLinks([
  { name: 'Nanyang (002 ↔ 000)', gold: loadLinkGold(NANYANG_LINKS) },
  { name: '洛阳 fixture pair', gold: loadLinkGold(LUOYANG_LINKS) },
  { name: 'Linchuan (003: 2023 results → 2024 plan)', gold: loadLinkGold(LINCHUAN_LINKS) },
]);

// Reporting by year: the 十四五 plan's commitments in 2022, against the Nanyang link gold.
const NANYANG_PLAN = '002_bf6091a721eff7e0.txt';
const planGold = loadGoldDocuments().find(({ gold }) => gold.document === NANYANG_PLAN)!.gold;
const reporting = scoreReporting(
  2022,
  NANYANG_PLAN,
  planGold.statements.filter((s) => s.class === 'COMMITMENT').map((s) => s.text),
  loadLinkGold(NANYANG_LINKS).evidence,
  links.predicted,
);

// The real corpus stays in ../shared/corpus: scored when it is there, said plainly when not.
const corpus = await evaluateCorpus({ dir: corpusDir(), documents: loadCorpusGold(), statements: loadCorpusStatementGold() });

// Reporting across the national reports (plan of Y → review of Y in the report of Y+1), when the corpus is there.
const nationalGold = loadNationalGold();
const national = corpus
  ? await predictNational(corpusDir(), NATIONAL_YEARS).then((predicted) => nationalGold.map(({ file, gold }) => scoreNationalPair(file.replace('.json', ''), gold, predicted)))
  : null;

if (values.json) {
  const { predicted: _predicted, ...linkScores } = links;
  console.log(
    JSON.stringify(
      { factsWired, documents: seeds.map((s) => s.score), overall: total, ownDocuments: own.map((s) => s.score), ownOverall: ownTotal, links: linkScores, reporting, national, corpus },
      null,
      2,
    ),
  );
} else {
  const cap = values.all ? Infinity : CAP;
  const lines: string[] = [];
  if (!factsWired) lines.push('facts: not wired yet — the pipeline does not carry facts (Understood.facts), so src/eval/predict.ts leaves fact predictions empty and they are not scored', '');
  for (const { score, text } of [...seeds, ...own]) lines.push(...formatDocument(score, text, { cap }), '');
  if (seeds.length > 0) lines.push(...formatOverall(total, 'seeds'), '');
  if (own.length > 0) lines.push(...formatOverall(ownTotal, 'own documents'), '');
  if (seeds.length > 0 && own.length > 0) lines.push(...formatComparison({ label: 'seeds', overall: total }, { label: 'own documents', overall: ownTotal }), '');
  for (const pair of links.pairs) lines.push(...formatLinkPair(pair, { cap }), '');
  lines.push(...formatLinkOverall(links.overall), '');
  lines.push(...formatReporting('Nanyang 十四五 (002) against the 2022 summary (000)', reporting, cap), '');
  if (national) lines.push(...formatNational(national, cap), '');
  if (corpus) lines.push(...formatCorpus(corpus.documents, corpus.statements, corpus.overall, cap));
  else lines.push(`real corpus: not scored — ${corpusDir()} is not there (set PLANTRACE_CORPUS to its folder)`);
  console.log(lines.join('\n'));
}
