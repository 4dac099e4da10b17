/**
 * The few DOM helpers the public pages share: build an element from a tag, attributes and
 * children, and mark the English half of a bilingual text as English (lang="en") so that a
 * screen reader reads it with the right voice. Texts are joined "Indonesian (English)" by the
 * server's formatBilingual (src/domain/bilingual.ts); these helpers only read that form back.
 */

export type Child = Node | string | null | undefined | false;
export type Handler = (event: Event) => unknown;
/**
 * `text` sets the text, `bi` a bilingual text (every "(English)" group marked), `on<event>` a
 * listener; any other name is an attribute (`true` present and empty; `false`, null or
 * undefined left out).
 */
export type Attributes = Record<string, string | number | boolean | null | undefined | Handler>;

export const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the page`);
  return node as T;
};

/** Every parenthesised group with a letter in it is English: "Judul (Title)", "Panggilan dibuka (Open call): ". */
export const bilingual = (text: string): DocumentFragment => {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const match of text.matchAll(/\(([^()]*[A-Za-z][^()]*)\)/g)) {
    const offset = match.index ?? 0;
    fragment.append(`${text.slice(at, offset)}(`, el('span', { lang: 'en', text: match[1] }), ')');
    at = offset + match[0].length;
  }
  fragment.append(text.slice(at));
  return fragment;
};

/**
 * A server message "Indonesian (English)": only the last group, closing the text (a full stop
 * may follow), is English; parentheses inside the Indonesian half stay Indonesian.
 */
export const bilingualMessage = (text: string): Node[] => {
  const match = /^([\s\S]*?) \(([^()]*[A-Za-z][^()]*)\)([.]?)$/.exec(text);
  if (!match) return [document.createTextNode(text)];
  return [document.createTextNode(`${match[1]} (`), el('span', { lang: 'en', text: match[2] }), document.createTextNode(`)${match[3]}`)];
};

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes?: Attributes, children?: readonly Child[]): HTMLElementTagNameMap[K];
export function el(tag: string, attributes?: Attributes, children?: readonly Child[]): HTMLElement;
export function el(tag: string, attributes: Attributes = {}, children: readonly Child[] = []): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name === 'text') node.textContent = String(value);
    else if (name === 'bi') node.append(bilingual(String(value)));
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}
