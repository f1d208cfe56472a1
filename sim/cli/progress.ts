// Progress of a long run on stderr, on one rewritten line, only when stderr is a terminal.

import * as messages from '../experiment/messages.js';

export interface Progress {
  /** draws the line; does nothing when progress is not shown */
  onProgress: (done: number, total: number) => void;
  /** erases the progress line */
  finish(): void;
}

export function progressOnStderr(name: string, enabled: boolean): Progress {
  const stream = process.stderr;
  if (!enabled || !stream.isTTY) return { onProgress() {}, finish() {} };
  let shown = false;
  const startMs = performance.now();
  return {
    onProgress(done, total) {
      stream.write(`\r\x1b[2K${messages.progressLine(name, done, total, performance.now() - startMs)}`);
      shown = true;
    },
    finish() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
