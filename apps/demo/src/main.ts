// First: stops zod compiling validators with `new Function` (the page forbids eval).
import './zod-jitless.js';
import './styles.css';
import { type Clause, catalog } from '@loti/clauses';
import { ClauseBrowser, type SpecState } from './clause-browser.js';
import { issuesToDiagnostics, sortIssues } from './diagnostics.js';
import { byId, h, plural, replaceChildren } from './dom.js';
import { SpecEditor } from './editor.js';
import { EXAMPLE_FILES, EXAMPLES, outputFileName, packFileName } from './examples.js';
import {
  buildSpecText,
  HTML_PREVIEW_CSS,
  renderHtmlBody,
  renderOdt,
  type SpecBuild,
  type SpecIssue,
  type TenderDocument,
  tenderSpecJsonSchema,
} from './generator.js';
import { PreviewFrame } from './preview-frame.js';
import { type JsonSchema, specCompletionSource } from './schema-complete.js';
import { addClauseToSpec, includedClauseIds } from './spec-edit.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** How long typing must pause before the spec is validated and the preview redrawn. */
const DEBOUNCE_MS = 300;
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
const preview = new PreviewFrame(byId<HTMLIFrameElement>('preview'), HTML_PREVIEW_CSS);

let file = EXAMPLES[0]?.file ?? 'tender.yaml';
/** The newest finished build, and the newest one that produced a document. */
let latest: Build | undefined;
let lastGood: { readonly document: TenderDocument; readonly file: string } | undefined;
let shownHtml: string | undefined;
let runId = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

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
  onChange: () => schedule(),
});

const browser = new ClauseBrowser({
  catalog,
  specState,
  onAdd: addClause,
  onShow: (clauseId) => void preview.reveal(clauseId),
});

picker.addEventListener('change', () => {
  const example = EXAMPLES.find((candidate) => candidate.file === picker.value);
  if (!example) return;
  file = example.file;
  // Another spec: the old one's preview must not stand in for it.
  lastGood = undefined;
  editor.replaceText(example.text);
  say(`Loaded ${example.title}. Undo (Ctrl+Z) in the editor brings back the previous text.`);
  void update();
});

downloadButton.addEventListener('click', () => void download('docx'));
odtButton.addEventListener('click', () => void download('odt'));
packButton.addEventListener('click', () => void download('pack'));

function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void update(), DEBOUNCE_MS);
}

/** Validates the editor text and redraws diagnostics, issue list, preview and status. */
async function update(): Promise<Build> {
  clearTimeout(timer);
  const id = ++runId;
  const text = editor.text;
  const specFile = file;
  const started = performance.now();
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
  if (result.document && html !== undefined) {
    lastGood = { document: result.document, file: specFile };
    // Typing in a comment changes nothing: skip the redraw.
    if (html !== shownHtml) {
      shownHtml = html;
      await preview.show(html, result.document.meta.language);
    }
  } else if (!lastGood && shownHtml !== NO_PREVIEW) {
    shownHtml = NO_PREVIEW;
    await preview.show(NO_PREVIEW);
  }
  if (id !== runId) return build; // superseded while the preview was drawn
  showStatus(result);
  browser.refresh();

  const done = performance.now();
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
  return { included, inDocument };
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
    make: async (tender: TenderDocument) => (await loadDocx()).renderDocx(tender),
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
      const { renderPack, zipPack } = await loadDocx();
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
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: what.type }));
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
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

let docxModule: Promise<typeof import('./docx.js')> | undefined;
function loadDocx(): Promise<typeof import('./docx.js')> {
  docxModule ??= import('./docx.js');
  return docxModule;
}

function say(message: string): void {
  // Cleared first so the same message twice is announced twice.
  notice.textContent = '';
  requestAnimationFrame(() => {
    notice.textContent = message;
  });
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

void update().then(() => {
  // Fetch the Word renderer once the page is idle, so the first download is quick.
  const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 1500));
  idle(() => void loadDocx());
});
