import { evaluate } from '@mdx-js/mdx';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';

/** A JSX runtime that builds plain objects, enough to read the text MDX renders. */
type Node = { type: unknown; props: { children?: unknown } };
const runtime = {
  Fragment: Symbol('Fragment'),
  jsx: (type: unknown, props: Node['props']): Node => ({ type, props }),
  jsxs: (type: unknown, props: Node['props']): Node => ({ type, props }),
};

function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node && typeof node === 'object' && 'props' in node) return textOf((node as Node).props.children);
  return '';
}

/** Compile and run MDX as the site does (GFM, CJK-friendly emphasis) and collect each <p>'s text. */
export async function renderParagraphs(mdx: string): Promise<string[]> {
  const { default: Content } = await evaluate(mdx, { ...runtime, remarkPlugins: [remarkGfm, remarkCjkFriendly] } as never);
  const tree = (Content as (props: object) => Node)({});
  const paragraphs: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object' && 'props' in node) {
      const n = node as Node;
      if (n.type === 'p') paragraphs.push(textOf(n.props.children));
      else walk(n.props.children);
    }
  };
  walk(tree);
  return paragraphs;
}
