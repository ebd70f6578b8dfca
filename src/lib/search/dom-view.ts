import type { PagerLink, ResultsPage, SearchView } from './controller.ts';
import type { Facets } from './index-format.ts';
import type { Segment } from './matches.ts';
import type { ResultView } from './results.ts';
import { FILTER_FIELDS, stateFromParams, type SearchState } from './url-state.ts';

/**
 * The search page's DOM: the form, the status line, the result list and the pager, found by
 * their ids in src/pages/search.astro. Everything it shows comes ready-made from results.ts and
 * controller.ts; this module only makes elements and reads and writes the form.
 */

const FIELDS = [...FILTER_FIELDS, 'sort'] as const;

export interface SearchDom extends SearchView {
  form: HTMLFormElement;
  input: HTMLInputElement;
  options: HTMLDetailsElement;
  /** Every element whose links change the search in place (pager, back link, the suspects' link). */
  links: HTMLElement[];
  /** The search state the form holds now. */
  readForm(): SearchState;
  /** Offer the filter values (keeping what the form holds). */
  fillFacets(facets: Facets): void;
}

export function searchDom(document: Document): SearchDom {
  const form = document.querySelector<HTMLFormElement>('#search-form')!;
  const input = form.querySelector<HTMLInputElement>('#q')!;
  const options = form.querySelector<HTMLDetailsElement>('#search-options')!;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const list = document.querySelector<HTMLOListElement>('#search-results')!;
  const pager = document.querySelector<HTMLElement>('#search-pager')!;
  const back = document.querySelector<HTMLElement>('#search-back')!;
  const drop = document.querySelector<HTMLElement>('#search-filters')!;
  const suspects = document.querySelector<HTMLElement>('#search-suspects')!;
  const suspectsNote = document.querySelector<HTMLElement>('#suspects-note')!;
  const suspectsList = document.querySelector<HTMLOListElement>('#suspects-results')!;
  const suspectsAll = document.querySelector<HTMLElement>('#suspects-all')!;
  const field = <T extends HTMLElement>(id: string) => form.querySelector<T>(`#${id}`)!;
  const baseTitle = () => document.title.replace(/^.*?(全文检索)/u, '$1');

  function readForm(): SearchState {
    return stateFromParams(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));
  }

  function writeForm(state: SearchState): void {
    input.value = state.q;
    for (const key of FIELDS) {
      const element = field<HTMLInputElement | HTMLSelectElement>(`f-${key}`);
      if (element instanceof HTMLSelectElement && state[key] !== '' && ![...element.options].some((option) => option.value === state[key])) {
        element.append(new Option(state[key], state[key]));
      }
      element.value = state[key];
    }
    field<HTMLSelectElement>('f-month').disabled = state.year === '';
  }

  function segments(parent: HTMLElement, parts: readonly Segment[]): void {
    for (const part of parts) {
      if (part.hit) {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        parent.append(mark);
      } else parent.append(part.text);
    }
  }

  function resultItem(result: ResultView): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'result';
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = result.href;
    segments(link, result.headline);
    heading.append(link);
    const meta = document.createElement('p');
    meta.className = 'result-meta';
    meta.textContent = result.meta;
    if (result.pageHref) {
      // the printed page with the terms marked on its scan (ScanViewer reads ?hl=)
      const onPage = document.createElement('a');
      onPage.href = result.pageHref;
      onPage.className = 'result-page';
      onPage.textContent = '在版面上看';
      meta.append(' · ', onPage);
    }
    const excerpt = document.createElement('p');
    excerpt.className = 'result-excerpt';
    segments(excerpt, result.excerpt);
    li.append(heading, meta, excerpt);
    if (result.note) {
      const note = document.createElement('p');
      note.className = 'result-note';
      note.textContent = result.note;
      li.append(note);
    }
    return li;
  }

  /** The status line; left alone when it says the same (a screen reader would say it again). */
  function setStatus(text: string): void {
    if (status.textContent !== text) status.textContent = text;
  }

  function anchor(item: PagerLink): HTMLElement {
    if (item.current || item.gap) {
      const span = document.createElement('span');
      span.textContent = item.label;
      if (item.current) span.setAttribute('aria-current', 'page');
      else span.className = 'gap';
      return span;
    }
    const link = document.createElement('a');
    link.href = item.href;
    link.textContent = item.label;
    if (item.rel) link.rel = item.rel;
    return link;
  }

  return {
    form,
    input,
    options,
    links: [pager, back, drop, suspectsAll],
    readForm,
    showState: writeForm,
    clear() {
      list.replaceChildren();
      delete list.dataset.shown;
      delete list.dataset.preview;
      list.removeAttribute('aria-busy');
      pager.replaceChildren();
      back.replaceChildren();
      drop.replaceChildren();
      suspects.hidden = true;
      status.textContent = '';
      document.title = baseTitle();
      document.documentElement.classList.remove('search-shown');
    },
    busy() {
      delete list.dataset.preview;
      status.textContent = '检索中……';
      list.setAttribute('aria-busy', 'true');
      // keep room for the results, so that they do not push what is on screen when they come
      document.documentElement.classList.add('search-shown');
    },
    preview(preview) {
      // the first results while the others load: the list stays busy, the status says what it will
      list.replaceChildren(...preview.items.map(resultItem));
      delete list.dataset.shown;
      list.start = preview.start;
      list.dataset.preview = preview.items.map((item) => item.href).join(' ');
      setStatus(preview.status);
    },
    show(page: ResultsPage) {
      // after a preview of the same results, only the rest is added: what is on screen stays
      const previewed = list.dataset.preview?.split(' ') ?? [];
      delete list.dataset.preview;
      const kept = previewed.length > 0 && list.start === page.start && previewed.every((href, i) => page.items[i]?.href === href) ? previewed.length : 0;
      // shown again when older tiers have been searched: the same results stay as they are (focus, selection)
      const hrefs = page.items.map((item) => item.href).join(' ');
      const same = list.start === page.start && list.dataset.shown === hrefs && list.children.length === page.items.length;
      if (same) {
        // nothing to change in the list
      } else if (kept > 0) list.append(...page.items.slice(kept).map(resultItem));
      else list.replaceChildren(...page.items.map(resultItem));
      list.dataset.shown = hrefs;
      list.start = page.start;
      list.removeAttribute('aria-busy');
      setStatus(page.status);
      pager.replaceChildren(...page.pager.map(anchor));
      back.replaceChildren(...(page.back ? [anchor(page.back)] : []));
      drop.replaceChildren(...page.drop.map(anchor));
      suspects.hidden = page.suspects === null;
      suspectsNote.textContent = page.suspects?.note ?? '';
      suspectsList.replaceChildren(...(page.suspects?.items ?? []).map(resultItem));
      suspectsAll.replaceChildren(...(page.suspects ? [anchor(page.suspects.all)] : []));
      document.title = `${page.title} - ${baseTitle()}`;
    },
    failed(error: unknown) {
      delete list.dataset.preview;
      list.removeAttribute('aria-busy');
      status.textContent = '检索索引无法加载：请先运行 npm run build，或稍后重试。';
      console.error('[search]', error);
    },
    fillFacets(all: Facets) {
      // what the form holds now: the reader may have changed it while the values loaded
      const state = readForm();
      const fill = (select: HTMLSelectElement | HTMLDataListElement, values: string[], label = (value: string) => value) => {
        const keep = select instanceof HTMLSelectElement ? select.options[0] : null;
        select.replaceChildren(...(keep ? [keep] : []));
        for (const value of values) select.append(new Option(label(value), value));
      };
      const keys = (key: string) => Object.keys(all[key] ?? {});
      const zh = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
      fill(field<HTMLSelectElement>('f-paper'), [...new Set([...keys('paper'), state.paper].filter(Boolean))].sort(zh));
      fill(field<HTMLSelectElement>('f-year'), [...new Set([...keys('year'), state.year].filter(Boolean))].sort().reverse(), (year) => `${year}年`);
      fill(field<HTMLDataListElement>('l-section'), keys('section').sort(zh));
      fill(field<HTMLDataListElement>('l-author'), keys('author').sort(zh));
      writeForm(state);
    },
  };
}
