// Every user-facing message template of zerosim, reached through this one module: input problems,
// then CLI output. The templates live in messages/ by topic; the words of a distribution's own checks
// live beside the families in sim/dist, which sit below this layer.
//
// A problem line reads `SOURCE: json.path: what is wrong (what was expected)`. SOURCE is the file,
// or the flag (`--cores`) whose value is wrong. Functions named `expected…` give the parenthesised
// part; the others give the `what` part or a whole line.

export * from '../dist/messages.js';
export * from './messages/caches.js';
export * from './messages/cli.js';
export * from './messages/exploring.js';
export * from './messages/fields.js';
export * from './messages/files.js';
export * from './messages/help.js';
export * from './messages/lines.js';
export * from './messages/machine.js';
export * from './messages/output.js';
export * from './messages/policies.js';
export * from './messages/scenario.js';
export * from './messages/shapes.js';
export * from './messages/shards.js';
export * from './messages/study.js';
