// Unreadable files, JSON syntax, unwritable output folders, clashing scenario names.

/** A JSON syntax error, located by line and column (both from 1). */
export function jsonSyntaxLine(
  file: string,
  line: number,
  column: number,
  found: string,
  expected: string,
): string {
  return `${file}: line ${line}, column ${column}: invalid JSON: ${found} (expected ${expected})`;
}

/** What the JSON scanner found where it could not go on. */
export function jsonFound(char: string | undefined): string {
  if (char === undefined) return 'unexpected end of text';
  if (char === '/') return 'unexpected "/": JSON has no comments';
  if (char === "'") return `unexpected "'": JSON strings use double quotes`;
  if (char.charCodeAt(0) < 0x20)
    return `unexpected control character U+${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return `unexpected ${JSON.stringify(char)}`;
}

export const jsonExpectValue = 'a value: an object, list, string, number, true, false or null';
export const jsonExpectKey = 'a property name in double quotes; JSON allows no trailing comma';
export const jsonExpectColon = '":" after the property name';
export const jsonExpectCommaOrBrace = '"," or "}"';
export const jsonExpectCommaOrBracket = '"," or "]"';
export const jsonExpectEnd = 'the end of the text after the top-level value';
export const jsonExpectStringEnd = 'a closing double quote on the same line';
export const jsonExpectEscape = 'an escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX';
export const jsonExpectDigit = 'a digit';

/** File-system error codes in words. */
export const fsReasons: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EEXIST: 'a file is in the way',
  EPIPE: 'the reader closed the pipe',
};

export function cannotRead(file: string, reason: string): string {
  return `${file}: cannot read: ${reason} (expected a readable JSON file)`;
}

export function cannotWriteDir(dir: string, reason: string): string {
  return `${dir}: cannot write output: ${reason} (expected a writable directory)`;
}

export function duplicateScenarioName(file: string, name: string, otherFile: string): string {
  return `${file}: name: "${name}" is also the name of ${otherFile} (expected distinct names: a scenario's name is its output folder)`;
}
