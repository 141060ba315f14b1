import {
  type Block,
  type Clause,
  type ClauseCatalog,
  type Inline,
  TENDER_FACTS,
  type TenderFact,
} from '@loti/clauses';
import { documentClause, renderDocBlocks, specValues } from './clause-wording.js';
import { byId, type Child, h, plural, replaceChildren } from './dom.js';
import type { DocClause, TenderDocument, TenderSpec } from './generator.js';

/** What the browser needs to know about the spec being edited. */
export interface SpecState {
  /** Clause ids listed under clauses.include. */
  readonly included: ReadonlySet<string>;
  /** Clauses in the last valid document: id → number and why it is there. */
  readonly inDocument: ReadonlyMap<string, { readonly number: string; readonly why: string }>;
  /** The last valid document and the spec it was built from: the wording is shown with their values. */
  readonly document?: TenderDocument;
  readonly spec?: TenderSpec;
  /** Changes whenever the spec text does, so the wording is redrawn with new values. */
  readonly version: number;
}

export interface ClauseBrowserOptions {
  readonly catalog: ClauseCatalog;
  readonly specState: () => SpecState;
  readonly onAdd: (clause: Clause) => void;
  /** Scrolls the preview to a clause that is in the document. */
  readonly onShow: (clauseId: string) => void;
  /** The clause as this tender would have it once added; undefined when that does not build. */
  readonly preview: (clause: Clause) => Promise<DocClause | undefined>;
}

const SAFE_LINK = /^(https?:|mailto:)/i;

/** The clause library: search, filter by topic and tag, read a clause and add it to the spec. */
export class ClauseBrowser {
  private readonly search = byId<HTMLInputElement>('clause-search-text');
  private readonly topic = byId<HTMLSelectElement>('clause-topic');
  private readonly tag = byId<HTMLSelectElement>('clause-tag');
  private readonly count = byId('clause-count');
  private readonly results = byId<HTMLUListElement>('clause-results');
  private readonly detail = byId('clause-detail');
  private selected: string | undefined;
  /** What the marks were last drawn from, so unchanged specs redraw nothing. */
  private drawnState = '';
  /** The spec version the open clause's wording was drawn for. */
  private drawnVersion = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ClauseBrowserOptions) {
    const { catalog } = options;
    for (const topic of [...catalog.topics()].sort((a, b) => a.order - b.order)) {
      this.topic.append(h('option', { value: topic.id }, topic.title));
    }
    const tags = [...new Set(catalog.list().flatMap((clause) => clause.tags))].sort();
    for (const tag of tags) this.tag.append(h('option', { value: tag }, tag));

    byId<HTMLFormElement>('clause-search').addEventListener('submit', (event) => {
      event.preventDefault();
      this.update();
    });
    this.search.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.update(), 150);
    });
    this.topic.addEventListener('change', () => this.update());
    this.tag.addEventListener('change', () => this.update());
    this.update();
    this.showDetail(undefined);
    this.showVocabulary();
  }

  /** Re-draws the "in the spec / in the document" marks and the open clause's values after the spec changes. */
  refresh(): void {
    const state = this.options.specState();
    const key = JSON.stringify([[...state.included], [...state.inDocument]]);
    if (key !== this.drawnState) this.update(false);
    if (this.selected && (key !== this.drawnState || state.version !== this.drawnVersion))
      this.showDetail(this.selected, false);
    this.showVocabulary();
  }

  /**
   * The key facts and profiles a spec can use, with descriptions, as `tender clauses facts` and
   * `tender clauses profiles` list them, marked when the spec being edited uses them.
   */
  private showVocabulary(): void {
    const { catalog } = this.options;
    const { spec } = this.options.specState();
    const setFacts = spec?.tender.facts ?? {};
    const named = new Set(spec?.clauses.profiles ?? []);
    const key = JSON.stringify([setFacts, [...named]]);
    const box = byId('clause-vocabulary');
    if (box.dataset.drawn === key) return;
    box.dataset.drawn = key;
    const stable = catalog.list({ status: 'stable' });
    const facts = (Object.entries(TENDER_FACTS) as [TenderFact, string][]).map(([name, description]) => ({
      name,
      description,
      clauses: stable.filter((clause) => {
        const when = clause.appliesWhen;
        return (
          when !== undefined && when !== 'always' && [...(when.all ?? []), ...(when.any ?? [])].includes(name)
        );
      }).length,
    }));
    const open = new Set([...box.querySelectorAll('details[open]')].map((details) => details.id));
    replaceChildren(
      box,
      h(
        'details',
        { id: 'facts-list', class: 'details', open: open.has('facts-list') },
        h('summary', { class: 'details__summary' }, `Key facts a spec can set (${facts.length})`),
        h(
          'p',
          { class: 'hint' },
          'Set them under tender.facts. Each one switches on the clauses that need it.',
        ),
        h(
          'dl',
          { class: 'vocabulary' },
          facts.map((fact) =>
            h(
              'div',
              { class: 'vocabulary__row', 'data-fact': fact.name },
              h(
                'dt',
                {},
                h('code', {}, fact.name),
                setFacts[fact.name] === true &&
                  h('strong', { class: 'tag tag--in-document' }, 'Set in this spec'),
              ),
              h(
                'dd',
                {},
                fact.description,
                h('span', { class: 'hint' }, ` Switches on ${plural(fact.clauses, 'clause')}.`),
              ),
            ),
          ),
        ),
      ),
      h(
        'details',
        { id: 'profiles-list', class: 'details', open: open.has('profiles-list') },
        h('summary', { class: 'details__summary' }, `Profiles (${catalog.profiles().length})`),
        h('p', { class: 'hint' }, 'Bundles of clauses. Name them under clauses.profiles.'),
        h(
          'dl',
          { class: 'vocabulary' },
          catalog
            .profiles()
            .map((profile) =>
              h(
                'div',
                { class: 'vocabulary__row', 'data-profile': profile.id },
                h(
                  'dt',
                  {},
                  h('code', {}, profile.id),
                  ' ',
                  profile.title,
                  named.has(profile.id) &&
                    h('strong', { class: 'tag tag--in-document' }, 'Named in this spec'),
                ),
                h(
                  'dd',
                  {},
                  profile.description,
                  h('span', { class: 'hint' }, ` ${plural(profile.clauses.length, 'clause')}.`),
                ),
              ),
            ),
        ),
      ),
    );
  }

  private matching(): Clause[] {
    const { catalog } = this.options;
    const topicOrder = new Map(catalog.topics().map((topic) => [topic.id, topic.order]));
    return catalog
      .list({
        text: this.search.value.trim() || undefined,
        topic: this.topic.value || undefined,
        tag: this.tag.value || undefined,
      })
      .sort(
        (a, b) =>
          (topicOrder.get(a.topic) ?? 0) - (topicOrder.get(b.topic) ?? 0) ||
          a.order - b.order ||
          a.id.localeCompare(b.id),
      );
  }

  private update(announce = true): void {
    const clauses = this.matching();
    const state = this.options.specState();
    this.drawnState = JSON.stringify([[...state.included], [...state.inDocument]]);
    const total = this.options.catalog.list().length;
    const message =
      clauses.length === total
        ? `${plural(total, 'clause')} in the library`
        : `${plural(clauses.length, 'clause')} found`;
    if (announce || this.count.textContent !== message) this.count.textContent = message;
    // Redrawing must not drop keyboard focus from the result the officer is on.
    const focused = (document.activeElement as HTMLElement | null)?.closest?.<HTMLElement>('[data-clause-id]')
      ?.dataset.clauseId;
    replaceChildren(
      this.results,
      clauses.map((clause) => {
        const inDoc = state.inDocument.get(clause.id);
        return h(
          'li',
          { class: 'clause-result' },
          h(
            'button',
            {
              type: 'button',
              class: 'clause-result__button',
              'data-clause-id': clause.id,
              'aria-current': clause.id === this.selected ? 'true' : undefined,
              onclick: () => this.showDetail(clause.id, true),
            },
            h('span', { class: 'clause-result__title' }, clause.title),
            h('span', { class: 'clause-result__id' }, clause.id),
            h(
              'span',
              { class: 'clause-result__tags' },
              clause.status !== 'stable' &&
                h('strong', { class: `tag tag--${clause.status}` }, clause.status),
              inDoc && h('strong', { class: 'tag tag--in-document' }, `In document: ${inDoc.number}`),
              !inDoc && state.included.has(clause.id) && h('strong', { class: 'tag' }, 'In spec'),
            ),
          ),
        );
      }),
      clauses.length === 0 &&
        h('li', { class: 'clause-results__empty' }, 'No clauses match. Try fewer words or another topic.'),
    );
    if (focused)
      this.results.querySelector<HTMLElement>(`[data-clause-id="${CSS.escape(focused)}"]`)?.focus();
  }

  private showDetail(id: string | undefined, focus = false): void {
    this.selected = id;
    for (const button of this.results.querySelectorAll<HTMLButtonElement>('button[data-clause-id]')) {
      if (button.dataset.clauseId === id) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
    const clause = id ? this.options.catalog.get(id) : undefined;
    if (!clause) {
      replaceChildren(
        this.detail,
        h('p', { class: 'hint' }, 'Choose a clause to read its wording, guidance, references and history.'),
      );
      return;
    }
    const hadFocus = this.detail.contains(document.activeElement) && document.activeElement !== this.detail;
    this.drawnVersion = this.options.specState().version;
    replaceChildren(this.detail, ...this.clauseDetail(clause));
    if (focus || hadFocus) this.detail.focus();
  }

  private clauseDetail(clause: Clause): Child[] {
    const { catalog } = this.options;
    const state = this.options.specState();
    const topic = catalog.topic(clause.topic);
    const inDoc = state.inDocument.get(clause.id);
    const included = state.included.has(clause.id);
    const variables = Object.entries(clause.variables);
    const changelog = catalog.changelog(clause.id);
    const versions = catalog.versions(clause.id);
    return [
      h('span', { class: 'caption' }, topic?.title ?? clause.topic),
      h('h3', { id: 'clause-detail-heading', class: 'heading-m' }, clause.title),
      h('p', { class: 'lede-s' }, clause.summary),
      h(
        'dl',
        { class: 'summary-list' },
        row('Clause id', h('code', {}, clause.id)),
        row('Newest version', `${clause.version}${clause.status === 'stable' ? '' : ` (${clause.status})`}`),
        clause.replacedBy && row('Replaced by', this.clauseLink(clause.replacedBy)),
        row('Part', clause.part === 'terms' ? 'Contract terms' : 'Instructions to Bidders'),
        row('Included automatically', appliesWhenText(clause)),
        row(
          'In this tender',
          inDoc
            ? h(
                'span',
                {},
                `Yes, as clause ${inDoc.number} (${inDoc.why}). `,
                h(
                  'button',
                  { type: 'button', class: 'link-button', onclick: () => this.options.onShow(clause.id) },
                  'Show it in the preview',
                ),
              )
            : included
              ? 'Listed under clauses.include (the document has errors to fix)'
              : 'No',
        ),
      ),
      included &&
        h('p', { class: 'inset' }, 'This clause is already listed under clauses.include in the spec.'),
      !included &&
        inDoc &&
        h(
          'p',
          { class: 'hint' },
          `It is already in the document. Adding it to the spec keeps it there even if the facts change, pinned to version ^${clause.version.split('.')[0]}.`,
        ),
      !included &&
        h(
          'button',
          {
            type: 'button',
            class: 'button',
            'data-action': 'add-clause',
            onclick: () => this.options.onAdd(clause),
          },
          'Add to spec',
          h('span', { class: 'visually-hidden' }, `: ${clause.title}`),
        ),
      h('h4', { class: 'heading-s' }, 'Wording'),
      this.wording(clause, state),
      h('h4', { class: 'heading-s' }, 'Guidance for officers'),
      h(
        'div',
        { class: 'clause-guidance' },
        renderBlocks(clause.guidance, (ref) => this.clauseLink(ref), clause),
      ),
      h('h4', { class: 'heading-s' }, 'Variables'),
      variables.length === 0
        ? h('p', {}, 'This clause has no variables of its own.')
        : h(
            'table',
            { class: 'table' },
            h('caption', { class: 'visually-hidden' }, `Variables of ${clause.title}`),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, 'Name'),
                h('th', { scope: 'col' }, 'Type'),
                h('th', { scope: 'col' }, 'Description'),
                h('th', { scope: 'col' }, 'Default'),
              ),
            ),
            h(
              'tbody',
              {},
              variables.map(([name, variable]) =>
                h(
                  'tr',
                  {},
                  h('td', {}, h('code', {}, name)),
                  h('td', {}, variable.type),
                  h(
                    'td',
                    {},
                    variable.description,
                    variable.example !== undefined &&
                      h('span', { class: 'hint' }, ` For example: ${variable.example}.`),
                  ),
                  h(
                    'td',
                    {},
                    variable.from &&
                      `From {{${variable.from}}}${variable.default === undefined ? '' : ', else '}`,
                    variable.default === undefined
                      ? !variable.from && h('strong', {}, 'Required')
                      : String(variable.default),
                  ),
                ),
              ),
            ),
          ),
      h('h4', { class: 'heading-s' }, 'References'),
      clause.references.length === 0
        ? h('p', {}, 'None.')
        : h(
            'ul',
            { class: 'list list--bullet' },
            clause.references.map((refId) => {
              const reference = catalog.reference(refId);
              if (!reference) return h('li', {}, refId);
              return h(
                'li',
                {},
                SAFE_LINK.test(reference.url)
                  ? h(
                      'a',
                      { href: reference.url, target: '_blank', rel: 'noopener noreferrer', class: 'link' },
                      reference.title,
                      h('span', { class: 'visually-hidden' }, ' (opens in new tab)'),
                    )
                  : reference.title,
                h(
                  'span',
                  { class: 'hint' },
                  ` (${reference.kind}${reference.status === 'current' ? '' : `, ${reference.status}`})`,
                ),
                reference.note && h('span', { class: 'hint' }, ` ${reference.note}`),
              );
            }),
          ),
      h('h4', { class: 'heading-s' }, 'Versions and changes'),
      h(
        'p',
        {},
        versions.length === 1
          ? `One version kept: ${versions[0]}.`
          : `Versions kept: ${versions.join(', ')}.`,
      ),
      h(
        'table',
        { class: 'table' },
        h('caption', { class: 'visually-hidden' }, `Changelog of ${clause.title}`),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Version'),
            h('th', { scope: 'col' }, 'Date'),
            h('th', { scope: 'col' }, 'Changes'),
          ),
        ),
        h(
          'tbody',
          {},
          changelog.map((entry) =>
            h('tr', {}, h('td', {}, entry.version), h('td', {}, entry.date), h('td', {}, entry.changes)),
          ),
        ),
      ),
    ];
  }

  /**
   * The wording with this tender's values: as the document has it; else as it would read once
   * added (built in the background); else the library text with the values the spec gives.
   */
  private wording(clause: Clause, state: SpecState): HTMLElement {
    const inDocument = documentClause(state.document, clause.id);
    const box = h('div', { class: 'clause-wording' });
    const showDocument = (docClause: DocClause, added: boolean) => {
      box.dataset.source = added ? 'would-be-added' : 'document';
      replaceChildren(
        box,
        h(
          'p',
          { class: 'hint clause-wording__source' },
          added
            ? 'As it would read in this tender once added, with the values from the spec.'
            : `As it reads in this tender (clause ${docClause.number}), with the values from the spec.`,
        ),
        renderDocBlocks(docClause.blocks, (url) => SAFE_LINK.test(url)),
      );
    };
    if (inDocument) {
      showDocument(inDocument, false);
      return box;
    }
    const values = specValues(clause, state.spec);
    const missing = clause.placeholders.filter((name) => !values.has(name));
    box.dataset.source = 'library';
    replaceChildren(
      box,
      h(
        'p',
        { class: 'hint clause-wording__source' },
        missing.length === 0
          ? 'The library wording, with the values from the spec.'
          : `The library wording, with the values the spec gives. Marked {{…}}: ${plural(missing.length, 'value')} not given yet (${missing.join(', ')}).`,
      ),
      renderBlocks(clause.body, (ref) => this.clauseLink(ref), clause, values),
    );
    if (state.document) {
      const version = state.version;
      void this.options.preview(clause).then((docClause) => {
        // Still the clause on show, for the same spec: else a newer drawing is already there.
        if (docClause && this.selected === clause.id && this.drawnVersion === version && box.isConnected)
          showDocument(docClause, true);
      });
    }
    return box;
  }

  private clauseLink(id: string): Node {
    const target = this.options.catalog.get(id);
    if (!target) return h('code', {}, id);
    return h('button', { type: 'button', class: 'link-button', onclick: () => this.open(id) }, target.title);
  }

  /** Shows a clause, clearing filters that would hide it. */
  open(id: string): void {
    if (!this.matching().some((clause) => clause.id === id)) {
      this.search.value = '';
      this.topic.value = '';
      this.tag.value = '';
      this.update();
    }
    this.showDetail(id, true);
    this.results.querySelector(`[data-clause-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
  }
}

function row(label: string, value: Node | string): HTMLElement {
  return h('div', { class: 'summary-list__row' }, h('dt', {}, label), h('dd', {}, value));
}

function appliesWhenText(clause: Clause): string {
  const when = clause.appliesWhen;
  if (!when) return 'No: add it to the spec or a profile';
  if (when === 'always') return 'Always, unless excluded';
  const parts: string[] = [];
  if (when.all) parts.push(`all of ${when.all.join(', ')}`);
  if (when.any) parts.push(`any of ${when.any.join(', ')}`);
  if (when.none) parts.push(`none of ${when.none.join(', ')}`);
  const facts = parts.length > 0 ? [`the tender's facts include ${parts.join('; and ')}`] : [];
  if (when.procedures) facts.push(`the procedure is ${when.procedures.join(' or ')}`);
  if (when.threshold) facts.push(`the value is ${when.threshold} the threshold`);
  const text = facts.join('; and ');
  return `When ${text}`;
}

function renderBlocks(
  blocks: readonly Block[],
  clauseLink: (id: string) => Node,
  clause: Clause,
  values: ReadonlyMap<string, string> = new Map(),
): Node[] {
  return blocks.map((block) => {
    if (block.type === 'paragraph')
      return h('p', {}, renderInlines(block.children, clauseLink, clause, values));
    return h(
      block.ordered ? 'ol' : 'ul',
      { class: `list ${block.ordered ? 'list--number' : 'list--bullet'}` },
      block.items.map((item) => h('li', {}, renderBlocks(item, clauseLink, clause, values))),
    );
  });
}

function renderInlines(
  inlines: readonly Inline[],
  clauseLink: (id: string) => Node,
  clause: Clause,
  values: ReadonlyMap<string, string> = new Map(),
): Node[] {
  return inlines.map((node): Node => {
    switch (node.type) {
      case 'text':
        return document.createTextNode(node.value);
      case 'emphasis':
        return h('em', {}, renderInlines(node.children, clauseLink, clause, values));
      case 'strong':
        return h('strong', {}, renderInlines(node.children, clauseLink, clause, values));
      case 'placeholder': {
        const value = values.get(node.name);
        const description = clause.variables[node.name]?.description;
        return value !== undefined
          ? h(
              'span',
              { class: 'filled', title: `${node.name}${description ? `: ${description}` : ''}` },
              value,
            )
          : h(
              'span',
              { class: 'placeholder', title: description, 'data-unfilled': node.name },
              `{{${node.name}}}`,
              h('span', { class: 'visually-hidden' }, ' (no value yet)'),
            );
      }
      case 'clauseRef':
        return clauseLink(node.id);
      case 'link':
        return SAFE_LINK.test(node.url)
          ? h(
              'a',
              { href: node.url, target: '_blank', rel: 'noopener noreferrer', class: 'link' },
              renderInlines(node.children, clauseLink, clause, values),
            )
          : h('span', {}, renderInlines(node.children, clauseLink, clause, values));
    }
    return document.createTextNode('');
  });
}
