// A scenario's machine given as the path of a machine.json, or replaced by --machine: the loader's first
// phase puts the machine object in its place, so that validation sees one plain scenario. The file system
// stays with the caller, which passes a reader that finds the path (relative to the scenario's folder).

import * as messages from '../messages.js';
import { InputError, problemLines } from './errors.js';
import { expectedFor, problemsFromIssues } from './issues.js';
import { parseJsonText } from './json.js';
import { type MachineInput, machineSchema } from './schema.js';

/** A machine.json found and read, or why not; `file` names it in messages (the path it was looked for at). */
export type MachineFileText = { file: string; text: string } | { file: string; reason: string };

/** Finds and reads the machine.json that a scenario's `machine` string names, as written. */
export type MachineReader = (path: string) => MachineFileText;

/** A machine that replaces the scenario's own (--machine): validated, and the path as given. */
export interface MachineOverride {
  value: MachineInput;
  source: string;
}

export interface LoadOptions {
  /** reads a `machine` string; without a reader such a string is refused */
  readMachine?: MachineReader;
  /** replaces the scenario's machine, whatever it is (its own file is then not read) */
  machine?: MachineOverride;
}

/** Parses and validates machine.json text: the `machine` section of a scenario, problems named in `file`. */
export function loadMachineText(text: string, file: string): MachineInput {
  return loadMachineValue(parseJsonText(text, file), file);
}

export function loadMachineValue(value: unknown, file: string): MachineInput {
  if (typeof value === 'string') {
    throw new InputError([
      messages.problemLine(file, [], messages.machineFileNamesAnother(value), messages.expectedMachineObject),
    ]);
  }
  if (isRecord(value) && Object.hasOwn(value, 'machine')) {
    throw new InputError([
      messages.problemLine(
        file,
        ['machine'],
        messages.machineFileWrapped,
        messages.expectedMachineAtTopLevel,
      ),
    ]);
  }
  const parsed = machineSchema.safeParse(value, { error: expectedFor, reportInput: true });
  if (!parsed.success) throw new InputError(problemLines(file, problemsFromIssues(parsed.error.issues)));
  return parsed.data;
}

/**
 * The scenario value with the override, or the machine.json its `machine` string names, in place of
 * that string, and `machineSource` set to the path as given. On a problem the machine is left out, so
 * that the rest of the scenario is still checked and every problem reported at once.
 */
export function placeMachine(
  value: unknown,
  file: string,
  options: LoadOptions,
): { value: unknown; problems: string[] } {
  if (!isRecord(value)) return { value, problems: [] };
  if (options.machine !== undefined) {
    const { value: machine, source } = options.machine;
    return { value: { ...value, machine, machineSource: source }, problems: [] };
  }
  const path = value.machine;
  if (typeof path !== 'string' || path === '') return { value, problems: [] };
  const { machine: _, ...rest } = value;
  const refuse = (what: string, expected: string) => ({
    value: rest,
    problems: [messages.problemLine(file, ['machine'], what, expected)],
  });
  if (options.readMachine === undefined)
    return refuse(messages.machinePathWithoutFolder(path), messages.expectedMachineObjectOrFolder);
  const found = options.readMachine(path);
  if ('reason' in found)
    return refuse(
      messages.cannotReadMachine(path, found.file, found.reason),
      messages.expectedMachineFileFromScenario,
    );
  try {
    const machine = loadMachineText(found.text, found.file);
    return { value: { ...rest, machine, machineSource: path }, problems: [] };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { value: rest, problems: error.problems };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
