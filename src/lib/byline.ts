import type { ArticleFrontmatter } from '../schemas/article.ts';

/**
 * The byline as a print reader knows it: 本报讯 记者 张婷 通讯员 陈静; for a photo item,
 * 摄影 向婧. Returns the parts so that the template can style the dateline apart.
 */
export function bylineParts(data: ArticleFrontmatter): { dateline: string | null; people: string[] } {
  const people: string[] = [];
  if (data.reporters.length > 0) people.push(`记者 ${data.reporters.join(' ')}`);
  if (data.correspondents.length > 0) people.push(`通讯员 ${data.correspondents.join(' ')}`);
  const onlyPhotographers = data.photographers.filter((name) => !data.reporters.includes(name));
  if (data.photographers.length > 0 && onlyPhotographers.length === 0) people.push('（文/图）');
  else if (onlyPhotographers.length > 0) people.push(`摄影 ${onlyPhotographers.join(' ')}`);
  return { dateline: data.dateline, people };
}
