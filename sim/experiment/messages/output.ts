// What the CLI says about its output folders, stdin and stdout: interrupted and recovered writes,
// files it did not write, streams that cannot be used.

export function stoppedLine(signal: string, written: readonly string[]): string {
  if (written.length === 0) return `zerosim: stopped by ${signal}; no files were written`;
  return `zerosim: stopped by ${signal}; the new outputs in ${written.join(', ')} were written in full, nothing else was`;
}

export function finishedSwap(dir: string): string {
  return `zerosim: ${dir}: finished an interrupted write; the folder holds the new outputs`;
}

export function rolledBackSwap(dir: string): string {
  return `zerosim: ${dir}: removed an unfinished write; the folder holds the previous outputs`;
}

export function foreignFiles(dir: string, files: readonly string[]): string {
  const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? `, and ${files.length - 3} more` : '');
  return `${dir}: would overwrite files zerosim did not write: ${shown} (another --out, or --force to overwrite them)`;
}

export const stdinName = '<stdin>';

export const stdinTwice = `${stdinName}: cannot read stdin twice (give - once)`;

export function stdinNotHere(what: string): string {
  return `zerosim: - (stdin) cannot be ${what} (a file or folder path)`;
}

export const reportStdinNeedsOut = `${stdinName}: results from stdin have no folder (give --out DIR)`;

export const emptyOut = '--out: got "" (expected a folder path)';

export function stdoutFailed(reason: string): string {
  return `zerosim: cannot write to stdout: ${reason}`;
}

export function duplicatePoint(file: string, index: number, label: string, first: number): string {
  return `${file}: points[${index}]: duplicate point ${label} (each policy, cores and varied values once; first at points[${first}])`;
}

export function duplicateKey(file: string, path: string, key: string): string {
  return `${file}: ${path}: duplicate key ${JSON.stringify(key)} (each key once in its object)`;
}

export function descriptionCut(chars: number, kept: number): string {
  return `zerosim: the scenario description has ${chars} characters; the report shows the first ${kept}`;
}

export function descriptionCutNote(chars: number, kept: number): string {
  return `[… description cut: ${chars} characters, the first ${kept} shown; results.json holds it all]`;
}
