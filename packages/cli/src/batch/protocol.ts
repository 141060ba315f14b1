import type { BuildSpecResult } from '../build/build-spec.js';
import type { Format } from '../build/formats.js';

/** Main thread → worker: build one spec. The main thread writes the output, so temp files never outlive it. */
export interface BuildTask {
  readonly id: number;
  readonly spec: string;
  readonly format: Format;
  /** Build the issued version (`tender build --final`). */
  readonly final?: boolean;
}

/** Worker → main thread. `document` stays behind; `bytes` is transferred, not copied. */
export interface BuildReply {
  readonly id: number;
  readonly result: Omit<BuildSpecResult, 'document'>;
}
