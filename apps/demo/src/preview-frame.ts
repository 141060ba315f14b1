/**
 * The preview lives in an iframe so the document's styles (HTML_PREVIEW_CSS) and the
 * page's cannot affect each other, and its links and headings behave as in the exported
 * HTML. The frame is sandboxed without scripts; the page writes its body directly (same
 * origin), which keeps the scroll position while the officer types.
 */
const SAFE_LINK = /^(https?:|mailto:)/i;

/** What a browser puts in the tab order: inside the preview, none of it is (the frame is one tab stop). */
const FOCUSABLE =
  'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]';

/** The frame's own additions: no page margin, narrower margins in a narrow frame, a mark for a clause just added. */
const FRAME_CSS = `
body { margin: 0; }
@media (max-width: 640px) { .tk-document { padding: 16px; } }
[data-clause-id] { scroll-margin-top: 24px; }
[data-demo-revealed] { outline: 3px solid #ffdd00; outline-offset: 6px; box-shadow: 0 0 0 9px #0b0c0c; }
body:focus { outline: none; }
body:focus-visible { outline: 3px solid #ffdd00; outline-offset: -3px; box-shadow: inset 0 0 0 6px #0b0c0c; }
`;

export class PreviewFrame {
  private readonly ready: Promise<Document>;

  constructor(frame: HTMLIFrameElement, css: string, language = 'en-GB') {
    this.ready = new Promise((resolve) => {
      frame.addEventListener(
        'load',
        () => {
          const doc = frame.contentDocument;
          if (!doc)
            throw new Error('The preview frame is not readable: it needs sandbox="allow-same-origin".');
          doc.addEventListener('click', (event) => this.followLink(event, doc));
          // The whole document is one tab stop: focus lands on the body, and the arrow keys scroll it.
          doc.body.tabIndex = 0;
          doc.body.setAttribute('aria-label', 'Tender document preview: use the arrow keys to scroll');
          resolve(doc);
        },
        { once: true },
      );
    });
    const style = `${css}\n${FRAME_CSS}`.replace(/<\/style/gi, '<\\/style');
    frame.srcdoc = `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>Tender document preview</title><style>${style}</style></head><body></body></html>`;
  }

  /**
   * Shows rendered body HTML; resolves when it is in the frame. Only the parts that changed are
   * replaced: a keystroke changes a line or two of a 250 KB document, and rewriting all of it
   * made the browser lay out and paint every page again.
   */
  async show(bodyHtml: string, language?: string): Promise<void> {
    const doc = await this.ready;
    if (language) doc.documentElement.lang = language;
    const template = doc.createElement('template');
    template.innerHTML = bodyHtml;
    for (const element of template.content.querySelectorAll(FOCUSABLE))
      element.setAttribute('tabindex', '-1');
    morphChildren(doc.body, template.content);
  }

  /** Scrolls to a clause (its `data-clause-id` section) and marks it for a few seconds. */
  async reveal(clauseId: string): Promise<boolean> {
    const doc = await this.ready;
    const target = [...doc.querySelectorAll<HTMLElement>('[data-clause-id]')].find(
      (element) => element.dataset.clauseId === clauseId,
    );
    if (!target) return false;
    target.scrollIntoView({ block: 'start' });
    target.setAttribute('data-demo-revealed', '');
    setTimeout(() => target.removeAttribute('data-demo-revealed'), 3000);
    return true;
  }

  private followLink(event: MouseEvent, doc: Document): void {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!link) return;
    event.preventDefault();
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#')) {
      const target = doc.getElementById(decodeURIComponent(href.slice(1)));
      if (target) {
        target.scrollIntoView({ block: 'start' });
        if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
        target.focus({ preventScroll: true });
      }
    } else if (SAFE_LINK.test(href)) {
      window.open(href, '_blank', 'noopener,noreferrer');
    }
  }
}

/** Makes `target`'s children equal to `source`'s, keeping the nodes that are already equal. */
export function morphChildren(target: Node, source: Node): void {
  const before = [...target.childNodes];
  const after = [...source.childNodes];
  for (let i = 0; i < Math.max(before.length, after.length); i += 1) {
    const current = before[i];
    const next = after[i];
    if (!next) current?.parentNode?.removeChild(current);
    else if (!current) target.appendChild(next);
    else if (current.isEqualNode(next)) continue;
    else if (current.nodeType === Node.TEXT_NODE && next.nodeType === Node.TEXT_NODE)
      current.nodeValue = next.nodeValue;
    // nodeType, not instanceof: the frame's nodes belong to the frame's window, whose Element is another class.
    else if (
      current.nodeType === Node.ELEMENT_NODE &&
      next.nodeType === Node.ELEMENT_NODE &&
      current.nodeName === next.nodeName
    ) {
      syncAttributes(current as Element, next as Element);
      morphChildren(current, next);
    } else target.replaceChild(next, current);
  }
}

function syncAttributes(target: Element, source: Element): void {
  for (const name of target.getAttributeNames()) if (!source.hasAttribute(name)) target.removeAttribute(name);
  for (const name of source.getAttributeNames()) {
    const value = source.getAttribute(name) ?? '';
    if (target.getAttribute(name) !== value) target.setAttribute(name, value);
  }
}
