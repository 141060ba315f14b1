import type { CompletionSource } from '@codemirror/autocomplete';
import { isolateHistory } from '@codemirror/commands';
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import type { TextChange } from './spec-edit.js';

export interface SpecEditorOptions {
  readonly parent: HTMLElement;
  readonly text: string;
  readonly label: string;
  readonly describedBy: string;
  readonly complete: CompletionSource;
  readonly onChange: () => void;
}

/** Colours checked against WCAG AA on white; CodeMirror's own focus ring is replaced by the page's. */
const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '15px', backgroundColor: '#ffffff', color: '#0b0c0c' },
  '.cm-scroller': {
    fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
    lineHeight: '1.55',
  },
  '&.cm-focused': { outline: '3px solid #ffdd00', outlineOffset: '0', boxShadow: 'inset 0 0 0 2px #0b0c0c' },
  '.cm-gutters': { backgroundColor: '#f3f2f1', color: '#505a5f', borderRight: '1px solid #b1b4b6' },
  '.cm-activeLineGutter': { backgroundColor: '#e1e1e1', color: '#0b0c0c' },
  '.cm-activeLine': { backgroundColor: '#f8f8f8' },
  '.cm-lintRange-error': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy #d4351c',
    textUnderlineOffset: '3px',
  },
  '.cm-lintRange-warning': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy #b35c00',
    textUnderlineOffset: '3px',
  },
  '.cm-tooltip': { fontSize: '15px', border: '1px solid #0b0c0c' },
  '.cm-diagnostic': { padding: '6px 10px', maxWidth: '34em' },
  '.cm-diagnostic-error': { borderLeft: '5px solid #d4351c' },
  '.cm-diagnostic-warning': { borderLeft: '5px solid #b35c00' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: '#1d70b8', color: '#ffffff' },
  '.cm-completionInfo': { maxWidth: '26em', padding: '6px 10px' },
});

/** CodeMirror 6 with YAML, suggestions from the spec schema, and diagnostics set from outside. */
export class SpecEditor {
  readonly view: EditorView;

  constructor(options: SpecEditorOptions) {
    const extensions: Extension[] = [
      basicSetup,
      yaml(),
      yamlLanguage.data.of({ autocomplete: options.complete }),
      lintGutter(),
      // Long prose (background:) wraps rather than scrolling sideways.
      EditorView.lineWrapping,
      theme,
      EditorState.tabSize.of(2),
      EditorView.contentAttributes.of({
        'aria-label': options.label,
        'aria-describedby': options.describedBy,
      }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) options.onChange();
      }),
    ];
    this.view = new EditorView({
      parent: options.parent,
      state: EditorState.create({ doc: options.text, extensions }),
    });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  /**
   * Replaces the whole text (an example, a restored draft, an opened file); undo brings the old text back. The
   * change is its own undo step: history would otherwise merge two replacements made within half a second.
   */
  replaceText(text: string): void {
    this.view.dispatch({
      changes: { from: 0, to: this.view.state.doc.length, insert: text },
      annotations: isolateHistory.of('full'),
      selection: { anchor: 0 },
      scrollIntoView: true,
    });
  }

  /** Applies an edit and selects `select` inside the inserted text, scrolled into view. */
  applyChange(change: TextChange, select?: string): void {
    const at = select ? change.insert.indexOf(select) : -1;
    const anchor = at >= 0 ? change.from + at : change.from;
    this.view.dispatch({
      changes: change,
      annotations: isolateHistory.of('full'),
      selection: { anchor, head: at >= 0 && select ? anchor + select.length : anchor },
      effects: EditorView.scrollIntoView(anchor, { y: 'center' }),
    });
  }

  setDiagnostics(diagnostics: readonly Diagnostic[]): void {
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  /** Moves the cursor to a 1-based line and column and focuses the editor. */
  goTo(line: number, column: number): void {
    const doc = this.view.state.doc;
    const lineInfo = doc.line(Math.min(Math.max(1, line), doc.lines));
    const anchor = Math.min(lineInfo.from + Math.max(0, column - 1), lineInfo.to);
    this.view.dispatch({
      selection: { anchor },
      effects: EditorView.scrollIntoView(anchor, { y: 'center' }),
    });
    this.view.focus();
  }
}
