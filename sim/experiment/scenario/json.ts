// Parses JSON text; on a syntax error, rescans it to say where (line, column) and what was expected,
// the same on every Node version (V8's own messages differ between versions and often omit the place).

import * as messages from '../messages.js';
import { InputError } from './errors.js';

/**
 * JSON.parse (a leading byte-order mark is ignored), or an InputError locating the first syntax error
 * or the first duplicate key (JSON.parse keeps the last silently; a scenario must not).
 */
export function parseJsonText(text: string, file: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const found = locateJsonError(body);
    if (found === undefined) {
      // the scanner and JSON.parse disagree: fall back to V8's own words
      throw new InputError([messages.jsonSyntaxLine(file, 1, 1, String(error), messages.jsonExpectValue)]);
    }
    const { line, column } = lineAndColumn(body, found.offset);
    const what = messages.jsonFound(found.offset < body.length ? body[found.offset] : undefined);
    throw new InputError([messages.jsonSyntaxLine(file, line, column, what, found.expected)]);
  }
  const duplicate = findDuplicateKey(body);
  if (duplicate !== undefined)
    throw new InputError([
      messages.duplicateKey(file, messages.jsonPath(duplicate), String(duplicate.at(-1))),
    ]);
  return value;
}

/**
 * The path of the first key that repeats within its object, in text JSON.parse accepted; undefined
 * when every key is unique. Containers are tracked on an explicit stack, as in locateJsonError.
 */
export function findDuplicateKey(text: string): (string | number)[] | undefined {
  interface Frame {
    keys?: Set<string>;
    /** the segment of the value being read: a key, or an array index */
    segment: string | number;
  }
  const stack: Frame[] = [];
  const path = () => stack.map((frame) => frame.segment);
  let at = 0;
  const readString = (): string => {
    const start = at;
    at++;
    while (text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  while (at < text.length) {
    const c = text[at];
    if (c === '{' || c === '[') {
      stack.push(c === '{' ? { keys: new Set(), segment: '' } : { segment: 0 });
      at++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      at++;
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (typeof top.segment === 'number') top.segment++;
      at++;
    } else if (c === '"') {
      const str = readString();
      const top = stack[stack.length - 1];
      let next = at;
      while (' \t\n\r'.includes(text[next])) next++;
      if (top?.keys !== undefined && text[next] === ':') {
        top.segment = str;
        if (top.keys.has(str)) return path();
        top.keys.add(str);
        at = next + 1;
      }
    } else at++;
  }
  return undefined;
}

interface JsonError {
  offset: number;
  expected: string;
}

/** The first syntax error in `text`, or undefined when the scanner finds none. */
export function locateJsonError(text: string): JsonError | undefined {
  let at = 0;
  const fail = (expected: string): JsonError => ({ offset: at, expected });
  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at++;
  };
  const digits = (): boolean => {
    const start = at;
    while (at < text.length && text[at] >= '0' && text[at] <= '9') at++;
    return at > start;
  };

  const string = (): JsonError | undefined => {
    at++; // opening quote
    while (at < text.length) {
      const c = text[at];
      if (c === '"') {
        at++;
        return undefined;
      }
      if (c < ' ') return fail(messages.jsonExpectStringEnd);
      if (c === '\\') {
        at++;
        if (text[at] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) return fail(messages.jsonExpectEscape);
          at += 5;
        } else if (at < text.length && '"\\/bfnrt'.includes(text[at])) at++;
        else return fail(messages.jsonExpectEscape);
      } else at++;
    }
    return fail(messages.jsonExpectStringEnd);
  };

  const number = (): JsonError | undefined => {
    if (text[at] === '-') at++;
    if (text[at] === '0') at++;
    else if (!digits()) return fail(messages.jsonExpectDigit);
    if (text[at] === '.') {
      at++;
      if (!digits()) return fail(messages.jsonExpectDigit);
    }
    if (text[at] === 'e' || text[at] === 'E') {
      at++;
      if (text[at] === '+' || text[at] === '-') at++;
      if (!digits()) return fail(messages.jsonExpectDigit);
    }
    return undefined;
  };

  // Containers are scanned with an explicit stack so that deep nesting cannot overflow the call stack.
  const closers: string[] = [];
  const value = (): JsonError | undefined => {
    skipSpace();
    const c = text[at];
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return undefined;
      }
    }
    return fail(messages.jsonExpectValue);
  };
  const key = (): JsonError | undefined => {
    skipSpace();
    if (text[at] !== '"') return fail(messages.jsonExpectKey);
    const bad = string();
    if (bad) return bad;
    skipSpace();
    if (text[at] !== ':') return fail(messages.jsonExpectColon);
    at++;
    return undefined;
  };

  // After `{`/`[` or `,`: open a nested container or read a scalar; after a value: `,` or a closer.
  let expectingValue = true;
  for (;;) {
    if (expectingValue) {
      skipSpace();
      const c = text[at];
      if (c === '{' || c === '[') {
        at++;
        closers.push(c === '{' ? '}' : ']');
        skipSpace();
        if (text[at] === closers[closers.length - 1]) {
          at++;
          closers.pop();
          expectingValue = false;
        } else if (c === '{') {
          const bad = key();
          if (bad) return bad;
        }
        continue;
      }
      const bad = value();
      if (bad) return bad;
      expectingValue = false;
      continue;
    }
    skipSpace();
    if (closers.length === 0) return at < text.length ? fail(messages.jsonExpectEnd) : undefined;
    const closer = closers[closers.length - 1];
    if (text[at] === ',') {
      at++;
      if (closer === '}') {
        const bad = key();
        if (bad) return bad;
      }
      expectingValue = true;
    } else if (text[at] === closer) {
      at++;
      closers.pop();
    } else {
      return fail(closer === '}' ? messages.jsonExpectCommaOrBrace : messages.jsonExpectCommaOrBracket);
    }
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
