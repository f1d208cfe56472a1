// Writing a command's output to stdout, as main() treats every command's: a full disk is one problem
// line (and exit 2, as for an unwritable output folder), a reader that closed the pipe (`| head`) ends
// the command quietly; never an uncaught stream error.

import * as messages from '../experiment/messages.js';
import { InputError } from '../experiment/scenario/index.js';
import { fsReason } from './files.js';

/** Resolves once `text` is handed to the system; an InputError `stdout: cannot write: …` if not. */
export function writeStdout(text: string, stream: NodeJS.WritableStream = process.stdout): Promise<void> {
  return new Promise((resolve, reject) => {
    // main()'s listener on process.stdout reports the failure once (and sets the exit code)
    const fail = (error: unknown) =>
      stream === process.stdout
        ? resolve()
        : reject(new InputError([messages.stdoutFailed(fsReason(error))]));
    // kept after a failure: the stream emits its error after the write callback, and again on later writes
    stream.on('error', fail);
    try {
      stream.write(text, (error) => {
        if (error) fail(error);
        else {
          stream.off('error', fail);
          resolve();
        }
      });
    } catch (error) {
      // a file or terminal stdout writes synchronously, and may throw
      fail(error);
    }
  });
}
