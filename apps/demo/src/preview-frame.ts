/**
 * The preview lives in an iframe so the document's styles (HTML_PREVIEW_CSS) and the
 * page's cannot affect each other, and its links and headings behave as in the exported
 * HTML. The frame is sandboxed without scripts; the page writes its body directly (same
 * origin), which keeps the scroll position while the officer types.
 */
const SAFE_LINK = /^(https?:|mailto:)/i;

/** The frame's own additions: no page margin, narrower margins in a narrow frame, a mark for a clause just added. */
const FRAME_CSS = `
body { margin: 0; }
@media (max-width: 640px) { .tk-document { padding: 16px; } }
[data-clause-id] { scroll-margin-top: 24px; }
[data-demo-revealed] { outline: 3px solid #ffdd00; outline-offset: 6px; box-shadow: 0 0 0 9px #0b0c0c; }
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
          resolve(doc);
        },
        { once: true },
      );
    });
    const style = `${css}\n${FRAME_CSS}`.replace(/<\/style/gi, '<\\/style');
    frame.srcdoc = `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>Tender document preview</title><style>${style}</style></head><body></body></html>`;
  }

  /** Shows rendered body HTML; resolves when it is in the frame. */
  async show(bodyHtml: string, language?: string): Promise<void> {
    const doc = await this.ready;
    if (language) doc.documentElement.lang = language;
    doc.body.innerHTML = bodyHtml;
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
