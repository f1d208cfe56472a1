// `zerosim merge DIR [DIR ...] [--out DIR]`: reads the shard-K-of-N.json files in the folders, checks that
// they are all the shards of one study (experiment/shard-merge.ts), summarises them, and writes what an
// unsharded run of that study writes, into the first folder unless --out says otherwise.

import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import * as messages from '../../experiment/messages.js';
import { summariseStudy } from '../../experiment/run.js';
import { InputError } from '../../experiment/scenario/index.js';
import { parseShardFile } from '../../experiment/shard-file.js';
import { mergeShards, type ReadShard } from '../../experiment/shard-merge.js';
import { checkOutputDir, fsReason, readInputFile } from '../files.js';
import { lastValue } from '../options.js';
import { displayPath, toolVersion } from '../paths.js';
import { writeStudy } from '../pipeline.js';

interface MergeArgs {
  dirs: string[];
  out?: string | string[];
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <dirs..>',
  describe: messages.help.merge,
  builder: (yargs) =>
    (yargs as Argv)
      .positional('dirs', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: messages.help.mergeDirs,
      })
      .option('out', {
        type: 'string',
        requiresArg: true,
        describe: messages.help.outMerge,
      }) as unknown as Argv<MergeArgs>,
  handler: merge,
};

const shardName = /^shard-(\d+)-of-(\d+)\.json$/;

async function merge(args: MergeArgs): Promise<void> {
  const files = (await Promise.all(args.dirs.map(shardFiles))).flat();
  const problems: string[] = [];
  const shards: ReadShard[] = [];
  for (const file of files) {
    try {
      const shard = parseShardFile(await readInputFile(file), displayPath(file));
      const named = shardName.exec(file.slice(dirname(file).length + 1));
      if (named && (Number(named[1]) !== shard.shard.k || Number(named[2]) !== shard.shard.n))
        throw new InputError([messages.shardMisnamed(displayPath(file), shard.shard.k, shard.shard.n)]);
      shards.push({ file: displayPath(file), shard });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  const first = args.dirs[0];
  const { study, options, done } = mergeShards(shards, displayPath(first), toolVersion());
  const results = summariseStudy(study, done, options);
  const dir = lastValue(args.out) ?? ((await isDirectory(first)) ? first : dirname(first));
  await checkOutputDir(dir);
  await writeStudy(dir, results, { ...options, force: false });
}

/** The shard files in a folder, by K; a file given by name is taken as it is. */
async function shardFiles(path: string): Promise<string[]> {
  if (!(await isDirectory(path))) {
    await readInputFile(path); // a missing or unreadable file: its own line
    return [path];
  }
  let entries: Array<{ name: string; isFile: () => boolean }>;
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch (error) {
    throw new InputError([messages.cannotRead(displayPath(path), fsReason(error))]);
  }
  const found = entries
    .map((entry) => ({ entry, match: shardName.exec(entry.name) }))
    .filter(({ entry, match }) => match !== null && entry.isFile())
    .sort((a, b) => Number(a.match![2]) - Number(b.match![2]) || Number(a.match![1]) - Number(b.match![1]))
    .map(({ entry }) => join(path, entry.name));
  if (found.length === 0) throw new InputError([messages.noShardFiles(displayPath(path))]);
  return found;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
