import type { ParsedPage } from '../../src/schemas/parsed-page.ts';
import type { Problem } from '../../src/schemas/problem.ts';

/**
 * The review report an import prints: problems grouped by article, each with the source line,
 * so that a maintainer can open the file at that line and decide.
 *
 *   page 3 (zunyi-page.txt): 5 items, 7 problems
 *     03/01 志愿服务聚合力 文明实践谱新篇
 *       zunyi-page.txt:9  dash-misread  一 stands between two phrases …
 *                         试点探索一全面建设 -> 试点探索——全面建设
 */
export function formatProblems(page: ParsedPage, file: string): string {
  const count = page.problems.length + page.articles.reduce((n, a) => n + a.problems.length, 0);
  let out = `page ${page.page} (${file}): ${page.articles.length} items, ${count} problem${count === 1 ? '' : 's'}\n`;
  for (const article of page.articles) {
    if (article.problems.length === 0) continue;
    const label = article.title ?? article.caption?.slice(0, 16) ?? article.paragraphs[0]?.slice(0, 16) ?? '';
    out += `  ${article.id.split('/').slice(-2).join('/')} ${article.kind === 'photo' ? '[图] ' : ''}${label}\n`;
    for (const problem of article.problems) out += formatProblem(problem, file);
  }
  if (page.problems.length > 0) {
    out += '  page\n';
    for (const problem of page.problems) out += formatProblem(problem, file);
  }
  return out;
}

function formatProblem(problem: Problem, file: string): string {
  const where = `${file}:${problem.line}`;
  let out = `    ${where}  ${problem.fixed ? 'fixed ' : ''}${problem.code}  ${problem.message}\n`;
  if (problem.excerpt !== undefined) {
    out += `    ${' '.repeat(where.length)}  ${problem.excerpt}${problem.suggestion !== undefined ? ` -> ${problem.suggestion}` : ''}\n`;
  }
  return out;
}
