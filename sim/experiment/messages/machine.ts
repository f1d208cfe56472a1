// Machine profiles: a scenario's `machine` given as the path of a machine.json, and --machine.

import { describeValue } from './lines.js';

export const expectedMachine =
  'a machine object such as {"memory": {...}, "lock": {...}}, or the path of a machine.json';

/** `cannot read "m.json": no such file or directory`, with the path it was looked for at when that differs. */
export function cannotReadMachine(given: string, file: string, reason: string): string {
  const at = file === given ? '' : ` at ${file}`;
  return `cannot read ${JSON.stringify(given)}${at}: ${reason}`;
}
export const expectedMachineFileFromScenario =
  "a readable machine.json, by a path relative to the scenario's folder or an absolute one";
export const expectedMachineFileFromFlag = 'a readable machine.json, relative to the current folder';

/** A machine string where no folder is known to resolve it against (a scenario given as an object). */
export function machinePathWithoutFolder(path: string): string {
  return `${describeValue(path)} is a machine.json path, but this scenario has no folder to find it from`;
}
export const expectedMachineObjectOrFolder =
  'a machine object, or a base folder for the path (loadScenario(object, source, { baseDir }))';

/** A machine.json whose top level is itself a path. */
export function machineFileNamesAnother(path: string): string {
  return `${describeValue(path)} names another file`;
}
export const expectedMachineObject =
  'a machine object such as {"memory": {...}, "lock": {...}}: a machine.json cannot name another machine.json';

/** A machine.json holding {"machine": ...}: a scenario or a calibration.json rather than a profile. */
export const machineFileWrapped = 'found a "machine" key, as in a scenario or a calibration.json';
export const expectedMachineAtTopLevel =
  'the machine section itself at the top level, {"memory": {...}, "lock": {...}}, as calibrate writes machine.json';
