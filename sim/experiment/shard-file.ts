/**
 * The shard file, shard-K-of-N.json: one shard's replications and the study they belong to, in JSON that
 * brings every number back exactly (JSON itself loses -0, NaN and ±Infinity; they travel as
 * {"$number": "-0"}). Two SHA-256 digests guard it:
 * - `fingerprint` names the study: the resolved scenario, the --vary axes and sensitivity, --precision
 *   and --max-replications, whether it records the timeline, the run options that change results, the
 *   tool version and N. Shards of one study share it.
 * - `checksum` covers the replications, so a damaged file is refused rather than merged.
 * Add to SummaryOptions (run.ts) every new option that changes results, and it joins the fingerprint;
 * a new field of Study must join studyRecord, or it does not compile.
 */
import { createHash } from 'node:crypto';
import * as messages from './messages.js';
import type { Study, TaskResult } from './points.js';
import type { SummaryOptions } from './run.js';
import { InputError } from './scenario/errors.js';
import { parseJsonText } from './scenario/json.js';
import type { Shard, ShardRun } from './shard.js';

const FORMAT = 'zerosim-shard';
// 2: the study records --precision and the timeline, and a replication may carry its timeline window
const FORMAT_VERSION = 2;

/** A shard file as read: its run, and the study's fingerprint. */
export interface ShardFile extends ShardRun {
  fingerprint: string;
}

/** JSON with every number kept: -0, NaN and ±Infinity as {"$number": text}. */
function encode(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v !== 'number' || (Number.isFinite(v) && !Object.is(v, -0))
      ? v
      : { $number: Object.is(v, -0) ? '-0' : String(v) },
  );
}

function revive(_key: string, v: unknown): unknown {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const keys = Object.keys(v);
    const text = (v as { $number?: unknown }).$number;
    if (keys.length === 1 && typeof text === 'string') return Number(text);
  }
  return v;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The study as the file keeps it and the fingerprint names it: every field of Study, none left out. */
function studyRecord(study: Study): Record<keyof Study, unknown> {
  const { scenario, vary, sensitivity, precision, timeline } = study;
  return { scenario, vary, sensitivity, precision: precision ?? null, timeline: timeline ?? false };
}

/** What a study's shards share: the study, what its results depend on, the tool version, and N. */
export function studyFingerprint(study: Study, options: SummaryOptions, n: number): string {
  return sha256Hex(
    encode({
      format: FORMAT,
      toolVersion: options.toolVersion,
      study: studyRecord(study),
      options: { targetAllocsPerSec: options.targetAllocsPerSec ?? null },
      n,
    }),
  );
}

/** The file's text: the header fields one a line, then one replication a line. */
export function shardFileText(run: ShardRun): string {
  const { shard, study, options, totalTasks, done } = run;
  const replications = done.map((r) => encode(r));
  const fields: Array<[string, string]> = [
    ['format', encode(FORMAT)],
    ['formatVersion', encode(FORMAT_VERSION)],
    ['tool', encode({ name: 'zerosim', version: options.toolVersion })],
    ['shard', encode(shard)],
    ['fingerprint', encode(studyFingerprint(study, options, shard.n))],
    ['study', encode(studyRecord(study))],
    ['options', encode({ targetAllocsPerSec: options.targetAllocsPerSec ?? null })],
    ['totalTasks', encode(totalTasks)],
    ['checksum', encode(sha256Hex(encode(done)))],
  ];
  const header = fields.map(([key, text]) => `  ${JSON.stringify(key)}: ${text}`).join(',\n');
  const body = replications.length === 0 ? '[]' : `[\n    ${replications.join(',\n    ')}\n  ]`;
  return `{\n${header},\n  "replications": ${body}\n}\n`;
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const isCount = (v: unknown, min: number): v is number => Number.isSafeInteger(v) && (v as number) >= min;

/** Reads a shard file; one InputError line when it is not one, or is damaged. */
export function parseShardFile(text: string, file: string): ShardFile {
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text, revive);
  } catch {
    throw new InputError([messages.shardNotJson(file, jsonSyntaxWhere(text, file))]);
  }
  const bad = (where: string, what: string) => new InputError([messages.shardUnreadable(file, where, what)]);
  if (!isRecord(value) || value.format !== FORMAT) throw bad('format', 'not a zerosim shard file');
  if (value.formatVersion !== FORMAT_VERSION) throw bad('formatVersion', messages.got(value.formatVersion));
  const tool = value.tool;
  if (!isRecord(tool) || typeof tool.version !== 'string') throw bad('tool.version', 'missing');
  const shard = value.shard;
  if (!isRecord(shard) || !isCount(shard.n, 1) || !isCount(shard.k, 1) || shard.k > shard.n)
    throw bad('shard', messages.got(shard));
  const study = value.study;
  if (!isRecord(study) || !isRecord(study.scenario) || !Array.isArray(study.vary))
    throw bad('study', 'missing');
  const precision = isRecord(study.precision) ? study.precision : null;
  if (
    precision === null
      ? study.precision !== null
      : typeof precision.target !== 'number' || !isCount(precision.maxReplications, 2)
  )
    throw bad('study.precision', messages.got(study.precision));
  const options = value.options;
  if (!isRecord(options)) throw bad('options', 'missing');
  if (!isCount(value.totalTasks, 0)) throw bad('totalTasks', messages.got(value.totalTasks));
  const replications = value.replications;
  if (
    !Array.isArray(replications) ||
    !replications.every(
      (r) =>
        isRecord(r) &&
        isRecord(r.task) &&
        isRecord(r.result) &&
        (r.timeline === undefined || (isRecord(r.timeline) && Array.isArray(r.timeline.segments))),
    )
  )
    throw bad('replications', 'not a list of replications');
  const run: ShardRun = {
    shard: { k: shard.k, n: shard.n } as Shard,
    study: {
      scenario: study.scenario as unknown as Study['scenario'],
      vary: study.vary as Study['vary'],
      sensitivity: study.sensitivity === true,
      ...(precision !== null
        ? {
            precision: {
              target: precision.target as number,
              maxReplications: precision.maxReplications as number,
            },
          }
        : {}),
      ...(study.timeline === true ? { timeline: true } : {}),
    },
    options: {
      toolVersion: tool.version,
      targetAllocsPerSec:
        typeof options.targetAllocsPerSec === 'number' ? options.targetAllocsPerSec : undefined,
    },
    totalTasks: value.totalTasks,
    done: replications as unknown as TaskResult[],
  };
  const fingerprint = studyFingerprint(run.study, run.options, run.shard.n);
  if (value.fingerprint !== fingerprint) throw new InputError([messages.shardDamaged(file, 'fingerprint')]);
  if (value.checksum !== sha256Hex(encode(run.done)))
    throw new InputError([messages.shardDamaged(file, 'checksum')]);
  return { ...run, fingerprint };
}

/** Where the JSON breaks and why, in the scanner's words: "line 3, column 9: invalid JSON: …". */
function jsonSyntaxWhere(text: string, file: string): string {
  try {
    parseJsonText(text, file);
  } catch (error) {
    if (error instanceof InputError)
      return error.problems[0].slice(file.length + 2).replace(/ \(expected [^()]*\)$/, '');
  }
  return 'invalid JSON';
}
