// First: stops zod compiling validators with `new Function` (the page forbids eval).
import './zod-jitless.js';
import './styles.css';
import { type Clause, catalog } from '@loti/clauses';
import { ClauseBrowser, type SpecState } from './clause-browser.js';
import { documentClause } from './clause-wording.js';
import { issuesToDiagnostics, sortIssues } from './diagnostics.js';
import { byId, h, plural, replaceChildren } from './dom.js';
import { Autosave, DraftStore, describeSavedAt } from './drafts.js';
import { SpecEditor } from './editor.js';
import { EXAMPLE_FILES, EXAMPLES, outputFileName, packFileName } from './examples.js';
import {
  buildSpecText,
  type DocClause,
  HTML_PREVIEW_CSS,
  renderDocx,
  renderHtmlBody,
  renderOdt,
  renderPack,
  type SpecBuild,
  type SpecIssue,
  type TenderDocument,
  tenderSpecJsonSchema,
  zipPack,
} from './generator.js';
import { PreviewFrame } from './preview-frame.js';
import { type JsonSchema, specCompletionSource } from './schema-complete.js';
import { decodeShareFragment, encodeShareFragment } from './share-link.js';
import { addClauseToSpec, includedClauseIds } from './spec-edit.js';
import { readSpecFile, SPEC_FILE_ACCEPT } from './spec-file.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/**
 * How long typing must pause before the spec is validated and the preview redrawn. Short: the
 * build takes tens of milliseconds and the preview changes only what changed, so a longer wait
 * would be most of the delay an officer sees (it was 300 ms).
 */
const DEBOUNCE_MS = 40;
/**
 * A change after a pause this long is built at once: the first key after a pause shows
 * without waiting, and only a fast burst of keys waits for the debounce.
 */
const TYPING_GAP_MS = 120;
/** Links longer than this are cut short by some mail and chat apps. */
const LONG_LINK = 8000;
const NO_PREVIEW =
  '<main class="tk-document"><p><strong>No preview yet.</strong></p><p>The spec has errors. Fix those listed under the editor and the document appears here.</p></main>';

interface Build {
  readonly text: string;
  readonly file: string;
  readonly result: SpecBuild;
}

const picker = byId<HTMLSelectElement>('example-picker');
const status = byId('preview-status');
const statusText = byId('preview-status-text');
const issuesHeading = byId('issues-heading');
const issueList = byId<HTMLUListElement>('issue-list');
const downloadButton = byId<HTMLButtonElement>('download');
const odtButton = byId<HTMLButtonElement>('download-odt');
const packButton = byId<HTMLButtonElement>('download-pack');
const notice = byId('notice');
const previewRegion = byId('preview-region');
const openButton = byId<HTMLButtonElement>('open-spec');
const openInput = byId<HTMLInputElement>('open-spec-input');
const saveButton = byId<HTMLButtonElement>('save-spec');
const copyLinkButton = byId<HTMLButtonElement>('copy-link');
const offerBox = byId('offer');
const offerText = byId('offer-text');
const offerAccept = byId<HTMLButtonElement>('offer-accept');
const offerDismiss = byId<HTMLButtonElement>('offer-dismiss');
const shareBox = byId('share');
const shareHint = byId('share-hint');
const shareInput = byId<HTMLInputElement>('share-link');
const storageNotice = byId('storage-notice');
const preview = new PreviewFrame(byId<HTMLIFrameElement>('preview'), HTML_PREVIEW_CSS);

let file = EXAMPLES[0]?.file ?? 'tender.yaml';
/** The newest finished build, and the newest one that produced a document. */
let latest: Build | undefined;
let lastGood: { readonly document: TenderDocument; readonly file: string } | undefined;
let shownHtml: string | undefined;
let runId = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
/** When the officer last pressed a key in the editor, and the last one that changed the text: for the keystroke-to-preview figure. */
let pressedAt: number | undefined;
let keyAt: number | undefined;

for (const broken of [false, true]) {
  const examples = EXAMPLES.filter((example) => example.broken === broken);
  if (examples.length === 0) continue;
  picker.append(
    h(
      'optgroup',
      { label: broken ? 'Specs with a mistake, to show the checks' : 'Example tenders' },
      examples.map((example) => h('option', { value: example.file }, `${example.title} (${example.file})`)),
    ),
  );
}

const editor = new SpecEditor({
  parent: byId('editor'),
  text: EXAMPLES[0]?.text ?? '',
  label: 'Tender spec (YAML)',
  describedBy: 'editor-hint',
  complete: specCompletionSource(tenderSpecJsonSchema() as JsonSchema, catalog),
  onChange: () => {
    // The figure is taken from key presses that change the text, not from arrows or Tab.
    keyAt = pressedAt ?? keyAt;
    pressedAt = undefined;
    clearStaleNotice();
    // A copied link holds the text as it was: once the text changes it is out of date.
    shareBox.hidden = true;
    schedule();
    if (heldDraft === file) {
      // Typing on instead of answering: the new text is the newest work and is the one saved.
      // The offered draft stays restorable from memory until the page closes, and says so.
      heldDraft = undefined;
      if (offers[0]?.key === file)
        offerText.textContent = `${offers[0].message} Restoring it replaces what you have typed since; Undo brings that back.`;
    }
    autosave.schedule(file, editor.text, EXAMPLES.find((example) => example.file === file)?.text);
  },
});
editor.view.contentDOM.addEventListener(
  'keydown',
  () => {
    pressedAt = performance.now();
    performance.clearMarks('tender:keydown');
    performance.mark('tender:keydown', { startTime: pressedAt });
  },
  { capture: true },
);

const browser = new ClauseBrowser({
  catalog,
  specState,
  onAdd: addClause,
  onShow: (clauseId) => void preview.reveal(clauseId),
  preview: previewClause,
});

picker.addEventListener('change', () => {
  const example = EXAMPLES.find((candidate) => candidate.file === picker.value);
  if (example) {
    switchDocument(example.file, example.text);
    say(`Loaded ${example.title}. Undo (Ctrl+Z) in the editor brings back the previous text.`);
    offerDraft(example.file);
    return;
  }
  // One of the officer's own files (opened, or from a link): its draft is its text.
  const draft = drafts.load(picker.value);
  if (draft) {
    switchDocument(picker.value, draft.text);
    say(`Loaded ${picker.value}. Undo (Ctrl+Z) in the editor brings back the previous text.`);
  }
});

/** Puts another document in the editor: its own preview, its own draft, undoable in the editor. */
function switchDocument(key: string, text: string): void {
  // The old document's last keystrokes are saved under its own name first.
  autosave.flush();
  clearOffers();
  file = key;
  // Another spec: the old one's preview must not stand in for it.
  lastGood = undefined;
  showInPicker(key);
  editor.replaceText(text);
  autosave.cancel();
  void update();
}

function showInPicker(key: string, select = true): void {
  if (![...picker.options].some((option) => option.value === key)) {
    let group = picker.querySelector<HTMLOptGroupElement>('optgroup[data-own]');
    if (!group) {
      group = h('optgroup', { label: 'Your files', 'data-own': '' });
      picker.append(group);
    }
    group.append(h('option', { value: key }, `${key} (yours)`));
  }
  if (select) picker.value = key;
}

// Autosave, with a restore offer that never overwrites either way without asking.
const drafts = new DraftStore({
  storage: () => window.localStorage,
  onFailure: () => {
    storageNotice.textContent =
      'This browser is not keeping a copy of your work (its storage is full or turned off). Use Save .yaml to keep it.';
  },
});
const autosave = new Autosave(drafts);
// A reload or a closed tab straight after typing still keeps the last keystrokes.
window.addEventListener('pagehide', () => autosave.flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') autosave.flush();
});

interface Offer {
  readonly message: string;
  readonly accept: string;
  readonly dismiss: string;
  readonly onAccept: () => void;
  readonly onDismiss: () => void;
  /** The document whose draft is offered, if the offer is a draft. */
  readonly key?: string;
}
const offers: Offer[] = [];
/**
 * The document whose stored draft is on offer and still untouched: the page's own loading of
 * the example does not overwrite it. Cleared once the officer types in that document.
 */
let heldDraft: string | undefined;

function offer(next: Offer): void {
  offers.push(next);
  if (offers.length === 1) showOffer();
}

function showOffer(): void {
  const current = offers[0];
  offerBox.hidden = !current;
  if (!current) return;
  offerText.textContent = current.message;
  offerAccept.textContent = current.accept;
  offerDismiss.textContent = current.dismiss;
}

function answerOffer(accepted: boolean): void {
  const current = offers.shift();
  if (!current) return;
  const hadFocus = offerBox.contains(document.activeElement);
  showOffer();
  if (accepted) current.onAccept();
  else current.onDismiss();
  if (hadFocus && offerBox.hidden) editor.view.focus();
}

function clearOffers(): void {
  offers.splice(0);
  heldDraft = undefined;
  showOffer();
}

offerAccept.addEventListener('click', () => answerOffer(true));
offerDismiss.addEventListener('click', () => answerOffer(false));

/** Offers back the saved draft of `key` when it differs from what the editor shows. */
function offerDraft(key: string): void {
  const draft = drafts.load(key);
  if (!draft || (key === file && draft.text === editor.text)) return;
  const example = EXAMPLES.find((candidate) => candidate.file === key);
  heldDraft = key;
  offer({
    key,
    message: `You have unsaved work${example ? ` on ${example.title}` : ` in ${key}`} from ${describeSavedAt(draft.savedAt)}.`,
    accept: 'Restore',
    dismiss: 'Discard',
    onAccept: () => {
      heldDraft = undefined;
      switchDocument(key, draft.text);
      // What the editor now shows is the work to keep, whatever was typed while the offer waited.
      autosave.schedule(key, draft.text, example?.text);
      say(
        `Restored your work from ${describeSavedAt(draft.savedAt)}. Undo (Ctrl+Z) in the editor brings back the example.`,
      );
    },
    onDismiss: () => {
      // Once the officer has typed on, the stored draft is that newer text: it stays.
      const untouched = heldDraft === key;
      heldDraft = undefined;
      if (untouched) drafts.remove(key);
      // The officer's own file has nothing left to open once its draft is gone.
      if (untouched && !example && key !== file)
        picker.querySelector(`option[value="${CSS.escape(key)}"]`)?.remove();
      say(
        untouched
          ? 'Discarded the saved work.'
          : 'Discarded the earlier work; what you have typed since is kept.',
      );
    },
  });
}

// Open and Save .yaml, and a link that carries the spec in its fragment.
openInput.accept = SPEC_FILE_ACCEPT;
openButton.addEventListener('click', () => openInput.click());
openInput.addEventListener('change', () => {
  const chosen = openInput.files?.[0];
  // Cleared, so choosing the same file again opens it again.
  openInput.value = '';
  if (chosen) void openSpec(chosen);
});

async function openSpec(chosen: File): Promise<void> {
  const opened = await readSpecFile(chosen);
  if (!opened.ok) {
    say(opened.message);
    return;
  }
  switchDocument(opened.file, opened.text);
  autosave.schedule(opened.file, opened.text, undefined);
  say(`Opened ${opened.file}. Undo (Ctrl+Z) in the editor brings back the previous text.`);
}

saveButton.addEventListener('click', () => {
  const name = outputFileName(file, '.yaml');
  saveBytes(new TextEncoder().encode(editor.text), name, 'application/yaml');
  say(`Saved ${name} to your downloads.`);
});

copyLinkButton.addEventListener('click', () => void copyLink());

async function copyLink(): Promise<void> {
  const fragment = await encodeShareFragment(editor.text, file.replace(/^.*\//, ''));
  const url = `${location.href.replace(/#.*$/, '')}#${fragment}`;
  const long = url.length > LONG_LINK;
  shareInput.value = url;
  shareHint.textContent = `The spec is inside the link, after the #, which browsers never send to a server: nothing is uploaded.${long ? ` The link is ${url.length.toLocaleString('en-GB')} characters long; some apps cut long links short, so for a long spec send the .yaml file instead.` : ''}`;
  shareBox.hidden = false;
  try {
    await navigator.clipboard.writeText(url);
    say('Copied a link to this spec. Whoever opens it sees this text, and nothing is uploaded.');
  } catch {
    // No clipboard (permissions, an insecure origin): the link is there to copy by hand.
    shareInput.focus();
    shareInput.select();
    say('Copy the link from the box under the buttons (Ctrl+C).');
  }
}

/** Offers the spec in the page's link (`#spec=`), then removes it from the address so a reload does not ask again. */
async function offerSharedSpec(): Promise<void> {
  const shared = await decodeShareFragment(location.hash);
  if (!shared) return;
  const forget = () => history.replaceState(null, '', location.href.replace(/#.*$/, ''));
  if (!shared.ok) {
    say(shared.message);
    forget();
    return;
  }
  if (shared.text === editor.text) {
    forget();
    return;
  }
  offer({
    message: `This link holds a spec (${shared.file}, ${plural(shared.text.split('\n').length, 'line')}).`,
    accept: 'Open it',
    dismiss: 'Ignore',
    onAccept: () => {
      forget();
      const key = EXAMPLES.some((example) => example.file === shared.file)
        ? `shared-${shared.file}`
        : shared.file;
      switchDocument(key, shared.text);
      autosave.schedule(key, shared.text, undefined);
      say(`Opened the spec from the link. Undo (Ctrl+Z) in the editor brings back the previous text.`);
    },
    onDismiss: forget,
  });
}

downloadButton.addEventListener('click', () => void download('docx'));
odtButton.addEventListener('click', () => void download('odt'));
packButton.addEventListener('click', () => void download('pack'));

let changedAt = Number.NEGATIVE_INFINITY;
function schedule(): void {
  const now = performance.now();
  const afterPause = now - changedAt > TYPING_GAP_MS;
  changedAt = now;
  clearTimeout(timer);
  timer = setTimeout(() => void update(), afterPause ? 0 : DEBOUNCE_MS);
}

/** Waits for the frame that shows the latest DOM change to be painted (rAF, then the task after it). */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

let refreshQueued = false;
/** The clause browser's marks follow the spec, but off the path from keystroke to preview. */
function refreshBrowserWhenIdle(): void {
  if (refreshQueued) return;
  refreshQueued = true;
  const idle =
    window.requestIdleCallback ??
    ((callback: () => void, _options?: IdleRequestOptions) => setTimeout(callback, 50));
  idle(
    () => {
      refreshQueued = false;
      browser.refresh();
    },
    { timeout: 500 },
  );
}

/** Validates the editor text and redraws diagnostics, issue list, preview and status. */
async function update(): Promise<Build> {
  clearTimeout(timer);
  const id = ++runId;
  const text = editor.text;
  const specFile = file;
  const started = performance.now();
  // The keystroke this run answers, if it was typed since the last figure was taken.
  const typedAt = keyAt;
  keyAt = undefined;
  const result = await buildSpecText(text, specFile, otherFiles(specFile));
  const html = result.document ? renderHtmlBody(result.document) : undefined;
  const built = performance.now();
  const build: Build = { text, file: specFile, result };
  if (id !== runId) return build; // a newer run has started; it will draw
  latest = build;

  // Marks are placed by offset: only when the text is still the one that was checked.
  if (editor.text === text) {
    editor.setDiagnostics(
      issuesToDiagnostics(editor.view.state.doc, [...result.errors, ...result.warnings], specFile),
    );
  }
  showIssues(result, specFile);
  let redrawn = false;
  if (result.document && html !== undefined) {
    lastGood = { document: result.document, file: specFile };
    // Typing in a comment changes nothing: skip the redraw.
    if (html !== shownHtml) {
      shownHtml = html;
      await preview.show(html, result.document.meta.language);
      redrawn = true;
    }
  } else if (!lastGood && shownHtml !== NO_PREVIEW) {
    shownHtml = NO_PREVIEW;
    await preview.show(NO_PREVIEW);
  }
  if (id !== runId) return build; // superseded while the preview was drawn
  showStatus(result);
  if (result.errors.length > 0 && noticeRun < id) clearNotice();
  refreshBrowserWhenIdle();

  const done = performance.now();
  if (redrawn && typedAt !== undefined) {
    await nextPaint();
    // From the key press to the frame with the new preview painted: what the officer waits for.
    const measure = performance.measure('tender:keystroke-to-preview', {
      start: typedAt,
      end: performance.now(),
    });
    previewRegion.dataset.keystrokeMs = measure.duration.toFixed(1);
    console.info(`[preview] keystroke to preview painted: ${measure.duration.toFixed(1)} ms`);
  }
  // For measuring: validate + render, and the same with the preview written into the page.
  previewRegion.dataset.updateMs = (built - started).toFixed(1);
  previewRegion.dataset.totalMs = (done - started).toFixed(1);
  previewRegion.dataset.state = result.document ? 'current' : lastGood ? 'stale' : 'empty';
  previewRegion.dataset.runs = String(id);
  console.info(
    `[preview] ${specFile}: validate + render ${(built - started).toFixed(1)} ms, with preview ${(done - started).toFixed(1)} ms`,
  );
  return build;
}

function otherFiles(specFile: string): Record<string, string | Uint8Array> {
  const files = { ...EXAMPLE_FILES };
  delete files[specFile];
  return files;
}

function showStatus(result: SpecBuild): void {
  const errors = result.errors.length;
  const warnings = result.warnings.length;
  let message: string;
  let tone: 'ok' | 'warning' | 'error';
  if (errors === 0) {
    tone = warnings === 0 ? 'ok' : 'warning';
    message =
      warnings === 0
        ? 'The preview is up to date.'
        : `The preview is up to date. Check ${plural(warnings, 'warning')}.`;
  } else {
    tone = 'error';
    message = lastGood
      ? `Showing the last valid version: fix ${plural(errors, 'error')}`
      : `No preview yet: fix ${plural(errors, 'error')}`;
  }
  status.dataset.tone = tone;
  // Only a changed message is written, so screen readers hear changes, not every keystroke.
  if (statusText.textContent !== message) statusText.textContent = message;
}

function showIssues(result: SpecBuild, specFile: string): void {
  const issues = sortIssues([...result.errors, ...result.warnings]);
  const errors = result.errors.length;
  const warnings = result.warnings.length;
  issuesHeading.textContent =
    issues.length === 0
      ? 'No problems found'
      : [errors > 0 && plural(errors, 'error'), warnings > 0 && plural(warnings, 'warning')]
          .filter(Boolean)
          .join(' and ');
  byId('issues').dataset.tone = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'ok';
  replaceChildren(
    issueList,
    issues.map((issue) => issueItem(issue, specFile)),
  );
}

function issueItem(issue: SpecIssue, specFile: string): HTMLLIElement {
  const position = issue.position;
  const here = position && position.file === specFile;
  const where = position ? `line ${position.line}, column ${position.column}` : 'no position';
  return h(
    'li',
    {
      class: `issue issue--${issue.severity}`,
      'data-code': issue.code,
      'data-line': here ? position.line : undefined,
      'data-column': here ? position.column : undefined,
    },
    h('strong', { class: `tag tag--${issue.severity}` }, issue.severity),
    ' ',
    h('code', { class: 'issue__code' }, issue.code),
    ' ',
    here
      ? h(
          'button',
          {
            type: 'button',
            class: 'link-button issue__where',
            onclick: () => editor.goTo(position.line, position.column),
          },
          `${position.line}:${position.column}`,
          h('span', { class: 'visually-hidden' }, ` (go to ${where})`),
        )
      : h(
          'span',
          { class: 'issue__where' },
          position ? `${position.file} ${position.line}:${position.column}` : '—',
        ),
    h('span', { class: 'issue__message' }, issue.message),
  );
}

function specState(): SpecState {
  let included = new Set<string>();
  try {
    included = includedClauseIds(editor.text);
  } catch {
    // Unparseable text lists nothing.
  }
  const inDocument = new Map<string, { number: string; why: string }>();
  // While the spec has errors, the marks describe the last valid document, like the preview.
  const manifest = lastGood?.document.manifest;
  for (const entry of manifest?.clauses ?? []) {
    const why = entry.reasons
      .map((reason) => {
        switch (reason.kind) {
          case 'explicit':
            return 'listed in the spec';
          case 'profile':
            return `profile ${reason.profile}`;
          case 'fact':
            return `facts: ${reason.facts.map((fact) => (reason.implied?.includes(fact) ? `${fact} (implied by the lots listed)` : fact)).join(', ')}`;
          case 'procedure':
            return `procedure: ${reason.procedure}`;
          case 'always':
            return 'in every tender';
          case 'dependency':
            return `needed by ${reason.from}`;
        }
        return '';
      })
      .join('; ');
    inDocument.set(entry.id, { number: entry.number, why });
  }
  return {
    included,
    inDocument,
    document: manifest && lastGood?.document,
    spec: latest?.result.spec,
    version: runId,
  };
}

let previewed: { readonly key: string; readonly clause: Promise<DocClause | undefined> } | undefined;
/** The clause as this tender would have it once added: the spec with the clause added, built in the background. */
function previewClause(clause: Clause): Promise<DocClause | undefined> {
  const text = editor.text;
  const key = `${file}\n${clause.id}\n${text}`;
  if (previewed?.key !== key) {
    const major = clause.version.split('.')[0] ?? '1';
    const added = addClauseToSpec(text, clause.id, `^${major}`);
    previewed = {
      key,
      clause: added.ok
        ? buildSpecText(added.text, file, otherFiles(file)).then((result) =>
            documentClause(result.document, clause.id),
          )
        : Promise.resolve(undefined),
    };
  }
  return previewed.clause;
}

function addClause(clause: Clause): void {
  const major = clause.version.split('.')[0] ?? '1';
  const result = addClauseToSpec(editor.text, clause.id, `^${major}`);
  if (!result.ok) {
    say(result.message);
    return;
  }
  editor.applyChange(result.change, clause.id);
  say(
    `Added ${clause.id} to clauses.include${result.removedFromExclude ? ' and removed it from clauses.exclude' : ''}. Checking the spec…`,
  );
  void update().then((build) => {
    const entry = build.result.document?.manifest.clauses.find((candidate) => candidate.id === clause.id);
    if (entry) void preview.reveal(clause.id);
    say(
      entry
        ? `Added ${clause.title} to the spec. It is clause ${entry.number} in the preview.`
        : `Added ${clause.id} to clauses.include. Fix ${plural(build.result.errors.length, 'error')} to see it in the preview.`,
    );
  });
}

let downloading = false;

/**
 * What each download makes, with the same bytes the CLI writes: the .docx, the .odt
 * (OpenDocument, the UK's open standard for editable documents), or the whole tender pack
 * as a .zip.
 */
const DOWNLOADS = {
  docx: {
    button: () => downloadButton,
    name: (file: string) => outputFileName(file, '.docx'),
    type: DOCX_TYPE,
    make: async (tender: TenderDocument) => renderDocx(tender),
  },
  odt: {
    button: () => odtButton,
    name: (file: string) => outputFileName(file, '.odt'),
    type: 'application/vnd.oasis.opendocument.text',
    // The ODT renderer is small and already loaded; the Word renderer loads on first use.
    make: async (tender: TenderDocument) => renderOdt(tender),
  },
  pack: {
    button: () => packButton,
    name: packFileName,
    type: 'application/zip',
    make: async (tender: TenderDocument) => {
      return zipPack(await renderPack(tender), tender.meta.issueDate);
    },
  },
} as const;

async function download(kind: keyof typeof DOWNLOADS): Promise<void> {
  // Not `disabled`: that would take keyboard focus off the button.
  if (downloading) return;
  const what = DOWNLOADS[kind];
  // Build from exactly what is in the editor now, not the last debounced run.
  const build = latest && latest.text === editor.text && latest.file === file ? latest : await update();
  const tender = build.result.document;
  if (!tender) {
    say(
      `Fix ${plural(build.result.errors.length, 'error')} before downloading: the list is under the editor.`,
    );
    issuesHeading.focus();
    return;
  }
  downloading = true;
  const button = what.button();
  button.setAttribute('aria-busy', 'true');
  const name = what.name(build.file);
  say(`Making ${name}…`);
  try {
    const bytes = await what.make(tender);
    saveBytes(bytes, name, what.type);
    say(`Downloaded ${name} (${Math.round(bytes.byteLength / 1024)} KB).`);
  } catch (error) {
    say(
      `The ${kind === 'pack' ? 'pack' : 'document'} could not be made: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    downloading = false;
    button.removeAttribute('aria-busy');
  }
}

/** The run and the editor text a notice was written for: it goes when either moves on. */
let noticeRun = 0;
let noticeDoc: unknown;
let noticeFrame = 0;

function say(message: string): void {
  noticeRun = runId;
  noticeDoc = editor.view.state.doc;
  // Cleared first so the same message twice is announced twice.
  notice.textContent = '';
  cancelAnimationFrame(noticeFrame);
  noticeFrame = requestAnimationFrame(() => {
    notice.textContent = message;
  });
}

function clearNotice(): void {
  cancelAnimationFrame(noticeFrame);
  notice.textContent = '';
}

/** "Loaded … Undo" is about the text as it was: once the officer edits it, the notice is stale. */
function clearStaleNotice(): void {
  if (noticeDoc !== editor.view.state.doc) clearNotice();
}

function saveBytes(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** For tests and debugging from the console: read or replace the spec text. */
Object.assign(window, {
  tenderDemo: {
    get text() {
      return editor.text;
    },
    get file() {
      return file;
    },
    setText: (text: string) => editor.replaceText(text),
    update: () => update().then(() => undefined),
  },
});

void update().then(async () => {
  // A link's spec first, then the draft from the last visit: each is offered, never loaded unasked.
  await offerSharedSpec();
  const last = drafts.lastKey();
  if (last) {
    if (!EXAMPLES.some((example) => example.file === last)) showInPicker(last, false);
    offerDraft(last);
  }
});
