import type { PackModel, TenderDocument } from '../../model/types.js';
import { bullets, type FormBlock, para, renderFormDocx } from './form-docx.js';
import { limitText, packOf, weightText } from './pack-model.js';

/** Lines of answer box per 100 words of limit: room to start writing, not a page of blank lines. */
const answerLines = (words?: number) => Math.min(12, Math.max(6, Math.round((words ?? 900) / 150)));

function responseFormBlocks(pack: PackModel): FormBlock[] {
  const blocks: FormBlock[] = [];
  let section = 0;
  const heading = (text: string) =>
    blocks.push({ type: 'heading', level: 1, number: String(++section), text });

  blocks.push({
    type: 'blocks',
    blocks: [
      para(
        `Complete every part of this form and return it with your Tender${pack.tender.submissionDeadline ? ` by ${pack.tender.submissionDeadline}` : ''}${pack.tender.portal ? ` through ${pack.tender.portal}` : ''}. Write your answers in the boxes; each box grows as you type. Do not change the questions, weights or limits.`,
      ),
    ],
  });

  heading('About the Bidder');
  blocks.push({
    type: 'fields',
    caption: 'Bidder details',
    labels: [
      'Organisation name',
      'Registered address',
      'Company or charity number',
      ...(pack.tender.centralDigitalPlatform ? ['Unique identifier on the central digital platform'] : []),
      'Contact name and role',
      'Contact email and telephone',
    ],
  });

  if (pack.lots.length > 0) {
    heading('Lots you are bidding for');
    blocks.push(
      {
        type: 'blocks',
        blocks: [
          para('Write Yes or No against each lot. Answer the questions below for every lot you bid for.'),
        ],
      },
      {
        type: 'grid',
        caption: 'Lot selection',
        columns: [
          { header: 'Lot', width: 12 },
          { header: 'Title', width: 63 },
          { header: 'Bidding? (Yes or No)', width: 25 },
        ],
        rows: pack.lots.map((lot) => [lot.id, lot.title, '']),
      },
    );
  }

  const questions = pack.criteria.filter((c) => !c.hasSubcriteria && c.kind !== 'price');
  if (questions.length > 0) {
    heading('Quality questions');
    blocks.push({
      type: 'blocks',
      blocks: [
        para(
          'Each answer is scored on the scale below, then weighted. Anything beyond the limit is not read. Answer each question on its own: evaluators score each answer without reading the others.',
        ),
        {
          type: 'table',
          table: {
            caption: 'Scoring scale',
            columns: [
              { header: 'Score', width: 24 },
              { header: 'Meaning', width: 76 },
            ],
            rows: pack.scale.map((level) => [
              [{ type: 'text', text: `${level.score} ${level.label}`, bold: true }],
              [{ type: 'text', text: level.meaning }],
            ]),
          },
        },
      ],
    });
    for (const c of questions) {
      const limit = limitText(c);
      blocks.push(
        // Numbered as in the invitation's evaluation table, so "question 1.2" means the same in both.
        { type: 'heading', level: 2, number: '', text: `Question ${c.number}: ${c.name}` },
        {
          type: 'blocks',
          blocks: [
            {
              type: 'table',
              table: {
                caption: '',
                columns: [
                  { header: 'Question', width: 25 },
                  { header: c.question, width: 75 },
                ],
                rows: [
                  [[{ type: 'text', text: 'Weight', bold: true }], [{ type: 'text', text: weightText(c) }]],
                  [[{ type: 'text', text: 'Limit', bold: true }], [{ type: 'text', text: limit || 'None' }]],
                  [
                    [{ type: 'text', text: 'A good answer', bold: true }],
                    [{ type: 'text', text: c.guidance }],
                  ],
                ],
              },
            },
          ],
        },
        {
          type: 'answer',
          label: `Your answer${limit ? ` (at most ${limit})` : ''}`,
          lines: answerLines(c.wordLimit),
        },
      );
    }
  }

  if (pack.requirements.length > 0) {
    heading('Requirements compliance');
    blocks.push({
      type: 'blocks',
      blocks: [
        para(
          'For each requirement write Yes (you meet it in full), Partial or No, and say how in the comment. A "must" requirement you cannot meet may mean your Tender is rejected.',
        ),
      ],
    });
    const groups =
      pack.lots.length > 0
        ? pack.lots.map((lot) => ({
            caption: `Lot ${lot.id}: ${lot.title}`,
            requirements: pack.requirements.filter((r) => r.lots.includes(lot.id)),
          }))
        : [{ caption: 'Requirements', requirements: pack.requirements }];
    for (const group of groups.filter((g) => g.requirements.length > 0)) {
      blocks.push({
        type: 'grid',
        caption: group.caption,
        columns: [
          { header: 'ID', width: 10 },
          { header: 'Requirement', width: 37 },
          { header: 'Priority', width: 13 },
          { header: 'Yes, No or Partial', width: 14 },
          { header: 'Comment', width: 26 },
        ],
        rows: group.requirements.map((r) => [
          r.id,
          r.text,
          r.priority[0]?.toUpperCase() + r.priority.slice(1),
          '',
          '',
        ]),
      });
    }
  }

  heading('Declaration');
  blocks.push(
    {
      type: 'blocks',
      blocks: [
        para(`By signing, you confirm on behalf of the Bidder that:`),
        bullets([
          'the answers in this form are true, complete and not misleading;',
          `the named people will deliver the Contract, or people with equal skills that ${pack.authority.shortName} agrees to;`,
          ...returnedWithThis(pack),
          `you will tell ${pack.authority.shortName} at once if anything in this form changes before the Contract is signed.`,
        ]),
      ],
    },
    { type: 'fields', caption: 'Signed for the Bidder', labels: ['Signature', 'Name', 'Position', 'Date'] },
  );
  return blocks;
}

/** "you have completed the form of tender and …" for the other forms of the pack a Bidder returns. */
function returnedWithThis(pack: PackModel): string[] {
  const others = pack.files
    .filter((file) => ['pricing-schedule', 'form-of-tender', 'commercially-sensitive'].includes(file.id))
    .map((file) => `the ${file.title.toLowerCase()}`);
  if (others.length === 0) return [];
  const list =
    others.length === 1 ? others[0] : `${others.slice(0, -1).join(', ')} and ${others[others.length - 1]}`;
  return [`you have completed ${list};`];
}

/** The supplier response form (.docx): details, lots, quality questions with answer boxes, compliance, declaration. */
export function renderResponseForm(doc: TenderDocument): Promise<Uint8Array> {
  return renderFormDocx(doc, { title: 'Supplier response form', blocks: responseFormBlocks(packOf(doc)) });
}
