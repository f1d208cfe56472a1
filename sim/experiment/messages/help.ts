// The descriptions of commands and flags for --help.

export const help = {
  run: 'Run scenarios; write results.json, results.csv, report.html and charts/',
  validate: 'Check scenario files; print one line per problem',
  list: 'List the scenarios in scenarios/ and the policy presets',
  report: 'Re-render report.html and charts/ from a saved results.json',
  schema: 'Print the scenario file format as a JSON Schema (draft 2020-12)',
  scenarios: 'scenario files',
  files: 'scenario files to check',
  results: 'a results.json written by zerosim run',
  outRun:
    'output folder (default: out/<scenario name>/); with several scenarios, one folder per scenario inside it',
  outReport: 'output folder (default: the folder of RESULTS)',
  cores: 'core counts to run instead of the scenario’s, e.g. 1,2,4',
  policies: 'policies to run instead of the scenario’s: presets or the scenario’s own policies',
  replications: 'replications per point (>= 2)',
  seed: 'scenario seed, 0 to 4294967295',
  machine: 'a machine.json (e.g. from zerosim calibrate) to use instead of each scenario’s machine',
  jobs: 'worker threads (results are identical for every value)',
  quiet: 'print no progress',
  maxEvents: 'refuse runs whose estimated event count exceeds this',
  target: 'also answer: how many cores, and how much clear bandwidth, reach this many allocations per second',
  whatif:
    'Vary scenario fields over a grid (and/or a ±50% sensitivity study); write results, report and charts',
  scenario: 'the scenario file to vary',
  vary: 'PATH=V1,V2,...: a scenario field by dot path and its values (repeatable), e.g. machine.memory.totalClearGBps=30,60,120',
  sensitivity:
    'swing each machine, workload and lock-hold parameter by ±50% at the largest core count and rank them',
  outWhatif: 'output folder (default: out/<scenario name>-whatif/)',
  precision:
    'add replications to each point, in batches of the scenario’s replications, until its allocs/s 95% CI half-width is at most this share of the mean, e.g. 0.01',
  maxReplications: 'with --precision: replications a point takes at most',
  trace:
    'POLICY@CORES: also write trace-POLICY-CORES.json, a Chrome trace (Perfetto) of that point’s first replication',
  traceWindow:
    'with --trace: µs of simulated time to record from the end of the warm-up (default: up to 100000 core states)',
  force: 'overwrite files in the output folder that zerosim did not write',
  completion: 'Print a bash/zsh completion script (add it to ~/.bashrc or ~/.zshrc)',
  shard:
    'K/N: run only the K-th of N parts of the study and write shard-K-of-N.json (zerosim merge joins them)',
  merge: 'Join the shards of one study (run --shard K/N) into what an unsharded run writes',
  mergeDirs: 'folders holding shard-K-of-N.json files (or the files themselves)',
  outMerge: 'output folder (default: the first folder given)',
  slurm:
    'Write Slurm job scripts (a job array of shards, then their merge) for a run or, with --vary or --sensitivity, a whatif',
  slurmScenario: 'the scenario file of the study to run as a job array',
  array: 'number of array tasks: the study runs in this many shards',
  sbatchArg:
    'an sbatch option for both jobs (repeatable), e.g. --sbatch-arg=--partition=long --sbatch-arg time=02:00:00',
  submit: 'submit the jobs with sbatch and print their ids',
  outSlurm: 'folder for the scripts, shards and merged results (default: that of run or whatif)',
} as const;
