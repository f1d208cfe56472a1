// The scenario module's public face: load (parse → validate → resolve) and override scenarios.

export { defaultPolicyNames, defaultSettings } from './defaults.js';
export type { PathSegment, Problem } from './errors.js';
export { InputError, problemLines } from './errors.js';
export type { StudyFlagText, StudyFlagValues } from './flags.js';
export { DEFAULT_MAX_REPLICATIONS, listFlag, numberOrText, studyFlagValues } from './flags.js';
export { parseJsonText } from './json.js';
export type { JsonSchema } from './json-schema.js';
export { jsonSchemaDialect, scenarioJsonSchema } from './json-schema.js';
export { loadScenarioText, loadScenarioValue } from './load.js';
export type { LoadOptions, MachineFileText, MachineOverride, MachineReader } from './machine-file.js';
export { loadMachineText } from './machine-file.js';
export type { ScenarioOverrides } from './overrides.js';
export { applyOverrides } from './overrides.js';
