/**
 * The few browser APIs the playground page uses, typed here: the project compiles without the DOM lib
 * (its other code runs in Node), and these declarations are all the page needs.
 */

export type Listener = (event: { target: unknown }) => void;

export interface PageElement {
  id: string;
  className: string;
  textContent: string | null;
  hidden: boolean;
  title: string;
  style: Record<string, string>;
  append(...nodes: Array<PageElement | string>): void;
  replaceChildren(...nodes: Array<PageElement | string>): void;
  setAttribute(name: string, value: string): void;
  addEventListener(type: string, listener: Listener): void;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

/** input, select and a: the fields the page reads and sets. */
export interface FormElement extends PageElement {
  name: string;
  type: string;
  value: string;
  checked: boolean;
  step: string;
  href: string;
  download: string;
}

export interface PageDocument {
  /** 'loading' until every script of the page has run */
  readyState: string;
  getElementById(id: string): PageElement | null;
  createElement(tag: string): FormElement;
  addEventListener(type: 'DOMContentLoaded', listener: () => void): void;
}

export interface PageWorker {
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message: string }) => void) | null;
  /** `transfer`: the MessagePorts that move to the worker with the message */
  postMessage(message: unknown, transfer?: unknown[]): void;
  terminate(): void;
}

/** A MessagePort, as the page hands one on: it only travels. */
export type PagePort = object;

/** vega-embed's result, as far as the page keeps it: the view, to free it before the next chart. */
export interface EmbedResult {
  finalize(): void;
}

export interface PageGlobals {
  document: PageDocument;
  performance: { timeOrigin: number; now(): number };
  navigator: { hardwareConcurrency?: number };
  MessageChannel: new () => { port1: PagePort; port2: PagePort };
  Blob: new (parts: string[], options: { type: string }) => object;
  URL: { createObjectURL(blob: object): string; revokeObjectURL(url: string): void };
  Worker: new (url: string) => PageWorker;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
  vegaEmbed(el: PageElement, spec: object, options: object): Promise<EmbedResult>;
  console: { error(...args: unknown[]): void };
  /** the results as they stand, in the results.json shape (the contract of CONTRACTS.md, "Exploring") */
  zerosimResults?: unknown;
  zerosimPlayground?: unknown;
}

/** The page's global scope. */
export const page = globalThis as unknown as PageGlobals;

/** A new element with a class and text. */
export function element(tag: string, className = '', text = ''): FormElement {
  const el = page.document.createElement(tag);
  if (className !== '') el.className = className;
  if (text !== '') el.textContent = text;
  return el;
}

/** The element with this id; the page builder (reports/playground.ts) always writes it. */
export function byId(id: string): PageElement {
  const el = page.document.getElementById(id);
  if (el === null) throw new Error(`the playground page has no #${id}`);
  return el;
}
