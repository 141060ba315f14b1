import { ExternalHyperlink, Paragraph } from 'docx';
import type { BodyXmlSink } from './body-xml.js';
import type { PackageParts } from './normalise.js';
import { BULLET_REFERENCE } from './styles.js';
import { escapeXml } from './wordml.js';

/**
 * docx builds the document around the XML written straight from the model (everything after the cover: the contents,
 * the headings and the body; see render-docx.ts): the XML stands in docx's tree as a placeholder paragraph with a
 * style of its own, and after docx has compiled the parts the placeholder is replaced by the XML. Two things docx
 * would have done for the body are done here instead, at the same point of docx's work so the package comes out the
 * same: the external links' relationships (a placeholder whose XML has links carries one stand-in link, whose
 * relationship is replaced by theirs, in order), and the bullet list's numbering id, which docx only creates when a
 * paragraph uses the list (so a placeholder whose XML has bullets carries the list, and gives its id). The writer
 * takes any number of placeholders, each standing for the XML written since the one before.
 */

const PLACEHOLDER_STYLE = 'LotiTenderKitBody';
const HYPERLINK_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
// Ids that docx's own (random, alphanumeric) relationship ids cannot take; normalise.ts renumbers them all.
const LINK_ID = 'rIdLotiBodyLink';
const LINKS_STAND_IN = 'urn:loti-tender-kit:body-links:';
const BULLET_TOKEN = '{LotiTenderKitBullets}';
const PLACEHOLDER =
  /<w:p><w:pPr><w:pStyle w:val="LotiTenderKitBody(\d+)"\/>(?:<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/><\/w:numPr>)?<\/w:pPr>(?:<w:hyperlink\b[^>]*\/>)?<\/w:p>/g;
const STAND_IN_RELATIONSHIP = /<Relationship\b[^>]*\bTarget="urn:loti-tender-kit:body-links:(\d+)"[^>]*\/>/g;

/** Collects the body XML in stretches, with the links they make; also the sink body-xml.ts writes through. */
export class BodyWriter implements BodyXmlSink {
  private readonly chunks: string[] = [];
  private readonly bullets: boolean[] = [];
  private readonly links: string[] = [];
  /** Each stretch's links: links[linkRanges[i][0] … linkRanges[i][1]). */
  private readonly linkRanges: [number, number][] = [];
  private usedBullets = false;

  link(target: string): string {
    this.links.push(target);
    return `${LINK_ID}${this.links.length}`;
  }

  get bulletNumId(): string {
    this.usedBullets = true;
    return BULLET_TOKEN;
  }

  /** The placeholder paragraph standing for `xml` (the body XML written since the last call), or none if empty. */
  placeholder(xml: string): Paragraph[] {
    const usedBullets = this.usedBullets;
    this.usedBullets = false;
    if (xml === '') return [];
    const index = this.chunks.length;
    const linksFrom = this.linkRanges.at(-1)?.[1] ?? 0;
    this.chunks.push(xml);
    this.bullets.push(usedBullets);
    this.linkRanges.push([linksFrom, this.links.length]);
    return [
      new Paragraph({
        style: `${PLACEHOLDER_STYLE}${index}`,
        ...(usedBullets ? { numbering: { reference: BULLET_REFERENCE, level: 0 } } : {}),
        children:
          this.links.length > linksFrom
            ? [new ExternalHyperlink({ link: `${LINKS_STAND_IN}${index}`, children: [] })]
            : [],
      }),
    ];
  }

  /** The compiled parts with every placeholder replaced by its XML and the links related from the document. */
  splice(parts: PackageParts): PackageParts {
    const documentXml = parts.get('word/document.xml');
    if (typeof documentXml !== 'string') throw new Error('renderDocx: docx wrote no word/document.xml');
    let found = 0;
    const spliced = documentXml.replace(PLACEHOLDER, (_, index: string, numId: string | undefined) => {
      found += 1;
      const xml = this.chunks[Number(index)] ?? '';
      return this.bullets[Number(index)] && numId !== undefined ? xml.split(BULLET_TOKEN).join(numId) : xml;
    });
    if (found !== this.chunks.length) {
      throw new Error(
        `renderDocx: ${found} of ${this.chunks.length} body placeholders found in the document`,
      );
    }
    const next = new Map(parts);
    next.set('word/document.xml', spliced);
    if (this.links.length > 0) {
      const relsPath = 'word/_rels/document.xml.rels';
      const rels = parts.get(relsPath);
      if (typeof rels !== 'string') throw new Error('renderDocx: docx wrote no document relationships');
      let replaced = 0;
      const withLinks = rels.replace(STAND_IN_RELATIONSHIP, (_, index: string) => {
        const [from, to] = this.linkRanges[Number(index)] ?? [0, 0];
        replaced += to - from;
        let out = '';
        for (let i = from; i < to; i += 1) {
          out += `<Relationship Id="${LINK_ID}${i + 1}" Type="${HYPERLINK_TYPE}" Target="${escapeXml(this.links[i] as string)}" TargetMode="External"/>`;
        }
        return out;
      });
      if (replaced !== this.links.length) {
        throw new Error(
          `renderDocx: ${replaced} of ${this.links.length} body links related from the document`,
        );
      }
      next.set(relsPath, withLinks);
    }
    return next;
  }
}
