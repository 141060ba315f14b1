/** Opening a .yaml spec from the officer's computer: checked before it reaches the editor. */
import { SPEC_LIMITS } from './generator.js';

export type OpenedSpec =
  | { readonly ok: true; readonly text: string; readonly file: string }
  | { readonly ok: false; readonly message: string };

/** The part of a `File` that opening needs, so tests can pass a stand-in. */
export interface SpecFileLike {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export const SPEC_FILE_ACCEPT = '.yaml,.yml';

export async function readSpecFile(file: SpecFileLike): Promise<OpenedSpec> {
  const name = file.name.replace(/^.*[\\/]/, '');
  if (!/\.ya?ml$/i.test(name))
    return { ok: false, message: `${name} is not a spec: choose a .yaml or .yml file.` };
  // The size is known before reading: a huge file is refused without loading it.
  if (file.size > SPEC_LIMITS.maxBytes)
    return {
      ok: false,
      message: `${name} is ${formatSize(file.size)}. A spec can be at most ${formatSize(SPEC_LIMITS.maxBytes)}: split it with include: files, or open the right file.`,
    };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { ok: false, message: `${name} is not UTF-8 text. Save it as UTF-8 and open it again.` };
  }
  return { ok: true, text: text.replace(/^\uFEFF/, ''), file: name };
}

function formatSize(bytes: number): string {
  return bytes >= 1_000_000
    ? `${(bytes / 1_000_000).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}
