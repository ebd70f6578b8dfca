import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../../lib/archive.ts';
import { onThisDay, type DayFile } from '../../lib/on-this-day.ts';
import { fileResponse } from '../../lib/route-params.ts';

/** 历史上的今天: one small file per month and day that the archive holds issues of. */
export const getStaticPaths = (async () => {
  const days = onThisDay(await loadArchive());
  return [...days.values()].map((file) => ({ params: { day: file.day }, props: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => fileResponse(JSON.stringify((props as { file: DayFile }).file), 'application/json; charset=utf-8');
