/**
 * The one sanitiser for text the CLI prints. Spec values, manifests read from documents that came from outside and
 * file names can hold terminal control sequences: printed raw, they set the window title, clear the screen, plant
 * OSC 8 links or reorder text with bidi overrides. Every escape sequence, C0/C1 control (except the newline and tab
 * the formatter writes) and bidi control becomes U+FFFD, so the reader sees that something was there.
 *
 * The console applies this to every line it prints, keeping only the colour codes (SGR) the CLI's own colouring
 * uses when colour is on; code that builds a line from outside text may call it earlier (it is idempotent).
 */

/** ESC sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), DCS/SOS/PM/APC (… ST) and two-character escapes. */
const ESCAPE_SEQUENCE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the sequences to remove
  /\u001b\[[0-?]*[ -/]*[@-~]?|\u001b[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[\s\S]?/g;

/** C0 except tab and newline, DEL, C1, and the bidi and direction marks that can reorder what is shown. */
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to replace
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The SGR colour codes picocolors writes for this CLI: bold, dim, italic, underline, foreground colours, resets. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour codes this keeps
const OWN_SGR = /\u001b\[(?:0|1|2|3|4|22|23|24|3[0-79]|9[0-7])m/y;

export function sanitiseTerminal(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '\ufffd').replace(CONTROL, '\ufffd');
}

/** Like sanitiseTerminal, but the CLI's own colour codes survive (used on whole lines when colour is on). */
export function sanitiseTerminalKeepingColour(text: string): string {
  if (!text.includes('\u001b')) return text.replace(CONTROL, '\ufffd');
  let out = '';
  let last = 0;
  for (let at = text.indexOf('\u001b'); at >= 0; at = text.indexOf('\u001b', at + 1)) {
    OWN_SGR.lastIndex = at;
    const own = OWN_SGR.exec(text);
    if (!own) continue;
    out += sanitiseTerminal(text.slice(last, at)) + own[0];
    last = at + own[0].length;
    at = last - 1;
  }
  return out + sanitiseTerminal(text.slice(last));
}

/** Outside text on one line: sanitised, with line breaks shown as spaces so it cannot forge lines of output. */
export function inlineText(text: string): string {
  return sanitiseTerminal(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
}

/**
 * JSON for the terminal: the characters the sanitiser would replace are written as \uXXXX escapes instead, so
 * `--json` output stays exact (JSON.stringify already escapes C0 controls; these can only occur inside strings).
 */
export function jsonForTerminal(value: unknown, replacer?: null, space?: number): string {
  return JSON.stringify(value, replacer ?? undefined, space).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
