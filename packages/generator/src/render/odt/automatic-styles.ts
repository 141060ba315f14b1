import { attrs } from './xml.js';

/**
 * Automatic styles (ODF's direct formatting) are written once per distinct look and named in order of first use
 * (P1, P2…, T1…), so the same document always gives the same names and bytes.
 */
export type StyleProperties = Readonly<Record<string, string | number | undefined>>;

interface Entry {
  readonly name: string;
  readonly xml: string;
}

export class AutomaticStyles {
  readonly #entries = new Map<string, Entry>();
  readonly #counters = new Map<string, number>();

  #add(prefix: string, key: string, build: (name: string) => string): string {
    const found = this.#entries.get(key);
    if (found) return found.name;
    const n = (this.#counters.get(prefix) ?? 0) + 1;
    this.#counters.set(prefix, n);
    const name = `${prefix}${n}`;
    this.#entries.set(key, { name, xml: build(name) });
    return name;
  }

  /** A paragraph style based on `parent`, with paragraph properties and an optional master page or tab stops. */
  paragraph(
    parent: string,
    properties: StyleProperties,
    extra: { readonly masterPage?: string; readonly tabStops?: string; readonly text?: StyleProperties } = {},
  ): string {
    const key = JSON.stringify(['P', parent, properties, extra]);
    return this.#add(
      'P',
      key,
      (name) =>
        `<style:style${attrs({ 'style:name': name, 'style:family': 'paragraph', 'style:parent-style-name': parent, 'style:master-page-name': extra.masterPage })}>` +
        `<style:paragraph-properties${attrs(properties)}>${extra.tabStops ? `<style:tab-stops>${extra.tabStops}</style:tab-stops>` : ''}</style:paragraph-properties>` +
        (extra.text ? `<style:text-properties${attrs(extra.text)}/>` : '') +
        '</style:style>',
    );
  }

  /** A text (character) style. */
  text(properties: StyleProperties): string {
    return this.#add(
      'T',
      JSON.stringify(['T', properties]),
      (name) =>
        `<style:style${attrs({ 'style:name': name, 'style:family': 'text' })}><style:text-properties${attrs(properties)}/></style:style>`,
    );
  }

  /** Any other automatic style, built by `build` from its name; `key` says when two are the same. */
  custom(prefix: string, key: string, build: (name: string) => string): string {
    return this.#add(prefix, JSON.stringify([prefix, key]), build);
  }

  /** Tables are named Table1, Table2… in document order. */
  tableName(): string {
    const n = (this.#counters.get('#table') ?? 0) + 1;
    this.#counters.set('#table', n);
    return `Table${n}`;
  }

  xml(): string {
    return [...this.#entries.values()].map((entry) => entry.xml).join('');
  }
}
