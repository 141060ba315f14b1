import type { PackModel, TenderDocument } from '../../model/types.js';
import { bullets, type FormBlock, para, renderFormDocx } from './form-docx.js';
import { packOf, sentenceStart, termText } from './pack-model.js';

function formOfTenderBlocks(pack: PackModel): FormBlock[] {
  const { authority, tender } = pack;
  const term = termText(pack);
  const facts: string[][] = [
    ['Contracting authority', authority.name],
    ['Tender', tender.title],
    ['Reference', tender.reference],
    ['Procedure', `The ${tender.procedure} under the Procurement Act 2023`],
  ];
  if (term) facts.push(['Contract length', term]);
  if (pack.lots.length > 0)
    facts.push(['Lots', pack.lots.map((lot) => `Lot ${lot.id}: ${lot.title}`).join('; ')]);
  if (tender.submissionDeadline) facts.push(['Tenders due', tender.submissionDeadline]);
  if (authority.contact) facts.push(['Contact', authority.contact]);

  return [
    {
      type: 'blocks',
      blocks: [
        {
          type: 'table',
          table: {
            caption: 'The tender',
            columns: [
              { header: 'Item', width: 32 },
              { header: 'Detail', width: 68 },
            ],
            rows: facts.map(([label, value]) => [
              [{ type: 'text', text: label ?? '', bold: true }],
              [{ type: 'text', text: value ?? '' }],
            ]),
          },
        },
      ],
    },
    { type: 'heading', level: 1, number: '1', text: 'Form of tender' },
    {
      type: 'blocks',
      blocks: [
        para(`To ${authority.name}.`),
        para(
          `Having read the invitation to tender for ${tender.title} (${tender.reference}) and all the documents issued with it or after it, we offer to provide the services and deliverables it describes, on its terms and conditions, for the prices in our pricing schedule.`,
        ),
        bullets([
          `Our Tender stays open for ${authority.shortName} to accept for 90 days from the deadline for Tenders.`,
          `${sentenceStart(authority.shortName)} does not have to accept the lowest priced or any Tender, and will not pay any cost of preparing it.`,
          'We have not fixed or adjusted our prices with any other bidder, and have not told anyone else our prices, other than in confidence to get insurance or a quotation needed to prepare the Tender.',
          `We have not offered or given anything to anyone to influence the award of this Contract, and will not do so.`,
          `No contract exists until ${authority.shortName} and we have both signed it.`,
        ]),
      ],
    },
    { type: 'heading', level: 1, number: '2', text: 'Declarations' },
    {
      type: 'blocks',
      blocks: [para('Write Yes or No against each statement. If you write No, explain in the box below.')],
    },
    {
      type: 'grid',
      caption: 'Declarations',
      columns: [
        { header: 'Statement', width: 80 },
        { header: 'Yes or No', width: 20 },
      ],
      rows: [
        ...(tender.centralDigitalPlatform
          ? [
              [
                `We are registered on the central digital platform, our core supplier information there is up to date, and we have shared it with ${authority.shortName} through the platform for this procurement.`,
                '',
              ],
            ]
          : []),
        [
          'No mandatory or discretionary exclusion ground under the Procurement Act 2023 applies to us, to any person connected with us, or to any associated person or subcontractor we rely on.',
          '',
        ],
        [
          'We have declared any conflict of interest, or possible conflict of interest, that we know of in connection with this procurement.',
          '',
        ],
        [
          'We will comply with the terms and conditions in the invitation to tender if we are awarded the Contract.',
          '',
        ],
        ...(pack.files.some((file) => file.id === 'commercially-sensitive')
          ? [['We have completed the commercially sensitive information form.', '']]
          : []),
      ],
    },
    { type: 'answer', label: 'If you wrote No to any statement, explain why', lines: 6 },
    { type: 'heading', level: 1, number: '3', text: 'Signature' },
    {
      type: 'blocks',
      blocks: [
        para('Sign as a person authorised to commit the Bidder. An electronic signature is accepted.'),
      ],
    },
    {
      type: 'fields',
      caption: 'Signed for the Bidder',
      labels: ['Organisation name', 'Signature', 'Name', 'Position', 'Date'],
    },
  ];
}

/** The form of tender and declarations (.docx), with the tender's facts filled in. */
export function renderFormOfTender(doc: TenderDocument): Promise<Uint8Array> {
  return renderFormDocx(doc, {
    title: 'Form of tender and declarations',
    blocks: formOfTenderBlocks(packOf(doc)),
  });
}
