// Elementary functions with the same bits in every JavaScript engine (fdlibm's algorithms in plain
// double arithmetic): the simulator's samples and analytic answers use these, not Math.log/exp/cos,
// whose last bits differ between V8 versions, so the CLI and the playground page agree exactly.
export { cos } from './cos.js';
export { exp } from './exp.js';
export { log, logOneMinus } from './log.js';
