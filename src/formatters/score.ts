/**
 * The security score: 0–100 per document and for the run, from the findings that count (suppressed and baselined
 * ones are not in `result.findings`). The formula and its reasons are in docs/score.md; keep the two together.
 */
import { cached } from '../shared/cached';
import type { Finding, LintResult, OwaspCategory, Severity } from '../shared/types';

/** How much one finding of a severity costs before its category's weight. */
export const SEVERITY_WEIGHTS: Record<Severity, number> = { error: 10, warn: 3, info: 1, hint: 0 };

/**
 * Category weights: broken authentication is the most direct way in, broken authorization next; resource limits,
 * whose findings are many and each a hardening step, weigh least. Findings without a category (diagnostics such as
 * an unsafe `$ref`) weigh 1.
 */
export const CATEGORY_WEIGHTS: Partial<Record<OwaspCategory, number>> = {
  'API2:2023': 1.5,
  'API1:2023': 1.25,
  'API5:2023': 1.25,
  'API4:2023': 0.75,
};

/** The penalty that takes a score from 100 to 100/e (37). */
export const PENALTY_SCALE = 80;

export interface CategoryScore {
  score: number;
  findings: number;
}

export interface DocumentScore {
  file: string;
  /** Null for a document that could not be linted: it has no score, never 100. */
  score: number | null;
  categories: Partial<Record<OwaspCategory, CategoryScore>>;
}

export interface RunScore {
  /** The lowest document score: a gate holds every API to it. Null when a document could not be linted, or none was. */
  score: number | null;
  /** Per category, the lowest document sub-score and the findings of every document. */
  categories: Partial<Record<OwaspCategory, CategoryScore>>;
  documents: DocumentScore[];
}

/** The OWASP API Security Top 10 2023 categories' names. */
export const OWASP_CATEGORY_NAMES: Record<OwaspCategory, string> = {
  'API1:2023': 'Broken Object Level Authorization',
  'API2:2023': 'Broken Authentication',
  'API3:2023': 'Broken Object Property Level Authorization',
  'API4:2023': 'Unrestricted Resource Consumption',
  'API5:2023': 'Broken Function Level Authorization',
  'API6:2023': 'Unrestricted Access to Sensitive Business Flows',
  'API7:2023': 'Server Side Request Forgery',
  'API8:2023': 'Security Misconfiguration',
  'API9:2023': 'Improper Inventory Management',
  'API10:2023': 'Unsafe Consumption of APIs',
};

const fromPenalty = (penalty: number) => Math.round(100 * Math.exp(-penalty / PENALTY_SCALE));

/**
 * The penalty of some findings: each costs its severity's weight times its category's, and each rule's findings
 * after its first cost half as much as the one before (heaviest first), so that no rule weighs more than twice its
 * worst finding: a thousand fields without maxLength cannot outweigh one implicit flow.
 */
function penalty(findings: readonly Finding[], categoryOf: (ruleId: string) => OwaspCategory | undefined): number {
  const byRule = new Map<string, number[]>();
  for (const finding of findings) {
    const category = categoryOf(finding.ruleId);
    const weight = SEVERITY_WEIGHTS[finding.severity] * ((category && CATEGORY_WEIGHTS[category]) ?? 1);
    cached(byRule, finding.ruleId, () => []).push(weight);
  }
  let total = 0;
  for (const weights of byRule.values()) weights.sort((a, b) => b - a).forEach((weight, index) => (total += weight / 2 ** index));
  return total;
}

/** The score of every reported document, and of the run. */
export function scoreOf(result: LintResult): RunScore {
  const ruleCategories = new Map(result.rules.map((rule) => [rule.id, rule.owasp]));
  const categoryOf = (ruleId: string) => ruleCategories.get(ruleId);
  const unlinted = new Set(result.unlinted.map(({ file }) => file));
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) cached(byFile, finding.file, () => []).push(finding);
  const documents = result.files.map((file): DocumentScore => {
    if (unlinted.has(file)) return { file, score: null, categories: {} };
    const findings = byFile.get(file) ?? [];
    const byCategory = new Map<OwaspCategory, Finding[]>();
    for (const finding of findings) {
      const category = categoryOf(finding.ruleId);
      if (category) cached(byCategory, category, () => []).push(finding);
    }
    const categories = [...byCategory].map(([category, inCategory]): [OwaspCategory, CategoryScore] => [
      category,
      { score: fromPenalty(penalty(inCategory, categoryOf)), findings: inCategory.length },
    ]);
    return { file, score: fromPenalty(penalty(findings, categoryOf)), categories: inCategoryOrder(categories) };
  });
  // A loop, not Math.min(...): a run may hold more documents than a call takes arguments.
  let score: number | null = documents.length === 0 ? null : 100;
  for (const document of documents) score = score === null || document.score === null ? null : Math.min(score, document.score);
  const categories = new Map<OwaspCategory, CategoryScore>();
  for (const document of documents) {
    for (const [category, { score: sub, findings }] of Object.entries(document.categories) as [OwaspCategory, CategoryScore][]) {
      const run = categories.get(category);
      categories.set(category, run ? { score: Math.min(run.score, sub), findings: run.findings + findings } : { score: sub, findings });
    }
  }
  return { score, categories: inCategoryOrder([...categories]), documents };
}

/** Categories as an object in their numeric order (API1, API2, ... API10). */
function inCategoryOrder(entries: [OwaspCategory, CategoryScore][]): Partial<Record<OwaspCategory, CategoryScore>> {
  return Object.fromEntries(entries.sort(([a], [b]) => categoryNumber(a) - categoryNumber(b)));
}

function categoryNumber(category: OwaspCategory): number {
  return Number(/^API(\d+)/.exec(category)![1]);
}

/** The run's score in a sentence, for the reports people read: "Security score: 8/100." */
export function scoreSentence(run: RunScore): string {
  if (run.score === null) {
    const unscored = run.documents.filter((document) => document.score === null).length;
    return `Security score: none, as ${unscored} ${unscored === 1 ? 'document' : 'documents'} could not be linted.`;
  }
  return run.documents.length === 1
    ? `Security score: ${run.score}/100.`
    : `Security score: ${run.score}/100, the lowest of ${run.documents.length} documents.`;
}
