import type { PackModel, TenderDocument } from '../../model/types.js';
import { type FormBlock, para, renderFormDocx } from './form-docx.js';
import { packOf, sentenceStart } from './pack-model.js';

/** Rows of the table; a Bidder with more adds rows in Word. */
const ROWS = 6;

function commerciallySensitiveBlocks(pack: PackModel): FormBlock[] {
  const { authority, tender } = pack;
  return [
    {
      type: 'blocks',
      blocks: [
        para(
          `${authority.name} is subject to the Freedom of Information Act 2000 and the Environmental Information Regulations 2004. Anyone may ask ${authority.shortName} for information it holds, including information about this procurement (${tender.title}, ${tender.reference}), and ${authority.shortName} must release it unless an exemption or exception applies.`,
        ),
        para(
          `Use this form to list the parts of your Tender you consider commercially sensitive or given in confidence, why, and for how long. ${sentenceStart(authority.shortName)} will take your view into account and will ask you before releasing information you list, where it can. It decides what to release: listing information does not mean it will be withheld, and marking a whole Tender as confidential is not accepted.`,
        ),
        para(
          'The exemptions most often relevant are for trade secrets and information whose release would harm someone’s commercial interests (section 43), and for information given in confidence (section 41). The first is subject to a public interest test.',
        ),
      ],
    },
    { type: 'heading', level: 1, number: '1', text: 'Information you consider commercially sensitive' },
    {
      type: 'grid',
      caption: 'Commercially sensitive information',
      columns: [
        { header: 'Document and section or page', width: 24 },
        { header: 'Information', width: 24 },
        { header: 'Why it is sensitive, and the harm its release would cause', width: 34 },
        { header: 'For how long', width: 18 },
      ],
      rows: Array.from({ length: ROWS }, () => ['', '', '', '']),
    },
    {
      type: 'blocks',
      blocks: [para('If nothing in your Tender is commercially sensitive, write "None" in the first row.')],
    },
    { type: 'heading', level: 1, number: '2', text: 'Signature' },
    {
      type: 'fields',
      caption: 'Signed for the Bidder',
      labels: ['Organisation name', 'Name', 'Position', 'Date'],
    },
  ];
}

/** The commercially sensitive information form (.docx), for freedom of information requests. */
export function renderCommerciallySensitiveForm(doc: TenderDocument): Promise<Uint8Array> {
  return renderFormDocx(doc, {
    title: 'Commercially sensitive information',
    blocks: commerciallySensitiveBlocks(packOf(doc)),
  });
}
