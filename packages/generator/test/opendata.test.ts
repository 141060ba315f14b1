import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { TenderDocument } from '../src/model/types.js';
import { addMonths, dayBefore, londonDateTime } from '../src/opendata/dates.js';
import { DEFAULT_OCID_PREFIX, renderOcds, toOcdsRelease } from '../src/opendata/ocds.js';
import { csvField, REGISTER_COLUMNS, renderRegisterCsv } from '../src/opendata/register-csv.js';
import { buildTenderModelFromText } from '../src/pipeline.js';
import { baseSpec, outcome } from './helpers.js';
import { exampleDocument, exampleFiles } from './render/fixtures/examples.js';

const OCDS = fileURLToPath(new URL('../../../../shared/ocds-1.1.5/', import.meta.url));
const readJson = (name: string) => JSON.parse(readFileSync(`${OCDS}${name}`, 'utf8'));

/** A release as the tests read it. */
type Release = Record<string, unknown> & { tender: Record<string, unknown> };

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** RFC 7386 JSON Merge Patch: how an OCDS extension's patch is merged into the release schema. */
function mergePatch(target: JsonValue, patch: JsonValue): JsonValue {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: { [key: string]: JsonValue } =
    target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key] ?? null, value);
  }
  return out;
}

/** Validates a release package: the package schema, and each release against the release schema with lots merged. */
function ocdsValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const release = mergePatch(readJson('release-schema.json'), readJson('lots-extension-release-schema.json'));
  const releaseSchema = ajv.compile(release as object);
  const packageSchema = readJson('release-package-schema.json');
  // The package schema refers to the release schema by its URL; here, items are checked by the extended schema.
  packageSchema.properties.releases.items = {};
  const packageValidator = ajv.compile(packageSchema);
  return (value: { releases?: unknown[] }) => {
    const errors: string[] = [];
    if (!packageValidator(value))
      errors.push(...(packageValidator.errors ?? []).map((e) => `package${e.instancePath} ${e.message}`));
    for (const [i, r] of (value.releases ?? []).entries()) {
      if (!releaseSchema(r))
        errors.push(
          ...(releaseSchema.errors ?? []).map((e) => `releases/${i}${e.instancePath} ${e.message}`),
        );
    }
    return errors;
  };
}

/** The helpers' small spec with what the standard sections need: a value and a contract length. */
function smallSpec(): Record<string, unknown> {
  const spec = baseSpec() as { tender: Record<string, unknown> };
  return {
    ...spec,
    tender: { ...spec.tender, estimatedValue: { amount: 90000 }, contract: { lengthMonths: 12 } },
  };
}

async function modelOf(spec: Record<string, unknown>): Promise<TenderDocument> {
  const result = outcome(await buildTenderModelFromText(stringify(spec)));
  if (!result.document) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.document;
}

/** A spec that sets every field the open-data outputs read. */
function fullSpec(): Record<string, unknown> {
  const spec = baseSpec() as { tender: Record<string, unknown>; document: Record<string, unknown> } & Record<
    string,
    unknown
  >;
  return {
    ...spec,
    tender: {
      ...spec.tender,
      procedure: 'competitive-flexible',
      stages: [
        { name: 'Tenders', description: 'Bidders submit a full Tender.' },
        { name: 'Negotiation', description: 'The Authority negotiates with the best three.' },
      ],
      authority: {
        name: 'London Borough of Example',
        department: 'Digital Services',
        address: '1 Civic Square, London E1 1AA',
        contact: { name: 'Procurement Team', email: 'procurement@example.gov.uk' },
      },
      cpv: '48000000-8',
      estimatedValue: { amount: 1500000, currency: 'GBP' },
      contract: { lengthMonths: 36, extensionMonths: [12, 12] },
      lots: [
        { id: 1, title: 'Software', description: 'The library system.', value: 1000000 },
        { id: 'L2', title: 'Support, "managed"', value: 500000 },
      ],
      background: 'The Council runs 12 libraries.\n\n- one\n- two',
    },
    timetable: [
      { kind: 'publication', date: '2027-01-04' },
      { kind: 'clarification-deadline', date: '2027-01-18T12:00' },
      { kind: 'submission-deadline', date: '2027-04-01T12:00' },
      { kind: 'contract-start', date: '2027-07-01' },
    ],
    evaluation: {
      criteria: [
        {
          name: 'Quality',
          kind: 'quality',
          weight: 60,
          subcriteria: [
            { name: 'Approach', weight: 50 },
            { name: 'Data', weight: 50 },
          ],
        },
        { name: 'Price', kind: 'price', weight: 40 },
      ],
      priceMethod: 'Lowest price scores full marks.',
    },
    document: { ...spec.document, ocidPrefix: 'ocds-abc123' },
  };
}

describe('OCDS release package', () => {
  const validate = ocdsValidator();

  it.each(exampleFiles())('%s validates against OCDS 1.1.5 with the lots extension', async (file) => {
    const doc = await exampleDocument(file);
    const errors = validate(JSON.parse(renderOcds(doc, { baseName: file.replace(/\.yaml$/, '') })));
    expect(errors).toEqual([]);
  });

  it('validates for a spec with every field, and for the smallest spec', async () => {
    expect(validate(toOcdsRelease(await modelOf(fullSpec())) as { releases: unknown[] })).toEqual([]);
    expect(validate(toOcdsRelease(await modelOf(smallSpec())) as { releases: unknown[] })).toEqual([]);
  });

  it('catches an invalid release (the validator can fail)', async () => {
    const pkg = toOcdsRelease(await modelOf(smallSpec())) as {
      releases: { tender: Record<string, unknown> }[];
    };
    const release = pkg.releases[0];
    if (release) release.tender.procurementMethod = 'negotiated';
    expect(validate(pkg as { releases: unknown[] }).join('\n')).toContain('procurementMethod');
  });

  it('maps each spec field to its OCDS field', async () => {
    const doc = await modelOf(fullSpec());
    const pkg = toOcdsRelease(doc, { baseName: 'library', baseUrl: 'https://data.example.gov.uk/tenders/' });
    expect(pkg).toMatchObject({
      uri: 'https://data.example.gov.uk/tenders/library.ocds.json',
      version: '1.1',
      publishedDate: '2027-01-04T00:00:00Z',
      publisher: { name: 'London Borough of Example' },
    });
    const [release] = pkg.releases as Release[];
    expect(release).toMatchObject({
      // document.ocidPrefix + tender.reference
      ocid: 'ocds-abc123-lbx-001',
      id: 'ocds-abc123-lbx-001-tender-2027-01-04',
      // document.issueDate, London time (GMT in January)
      date: '2027-01-04T00:00:00Z',
      tag: ['tender'],
      initiationType: 'tender',
      language: 'en',
      buyer: { id: 'london-borough-of-example', name: 'London Borough of Example' },
      parties: [
        {
          id: 'london-borough-of-example',
          name: 'London Borough of Example',
          address: { streetAddress: '1 Civic Square, London E1 1AA', countryName: 'United Kingdom' },
          contactPoint: { name: 'Procurement Team', email: 'procurement@example.gov.uk' },
          roles: ['buyer', 'procuringEntity'],
        },
      ],
    });
    const tender = release?.tender;
    expect(tender).toMatchObject({
      id: 'LBX-001',
      title: 'Library management system',
      // the background's first paragraph
      description: 'The Council runs 12 libraries.',
      status: 'active',
      value: { amount: 1500000, currency: 'GBP' },
      procurementMethod: 'selective',
      procurementMethodDetails: 'Competitive flexible procedure (Procurement Act 2023)',
      items: [
        {
          id: '1',
          description: 'Software',
          classification: { scheme: 'CPV', id: '48000000' },
          relatedLot: '1',
        },
        {
          id: '2',
          description: 'Support, "managed"',
          classification: { scheme: 'CPV', id: '48000000' },
          relatedLot: 'L2',
        },
      ],
      lots: [
        {
          id: '1',
          title: 'Software',
          description: 'The library system.',
          status: 'active',
          value: { amount: 1000000, currency: 'GBP' },
        },
        {
          id: 'L2',
          title: 'Support, "managed"',
          status: 'active',
          value: { amount: 500000, currency: 'GBP' },
        },
      ],
      // publication → submission deadline (1 April 2027 is British Summer Time)
      tenderPeriod: { startDate: '2027-01-04T00:00:00Z', endDate: '2027-04-01T12:00:00+01:00' },
      enquiryPeriod: { startDate: '2027-01-04T00:00:00Z', endDate: '2027-01-18T12:00:00Z' },
      awardCriteria: 'ratedCriteria',
      awardCriteriaDetails:
        'Quality 60% (Approach 50%, Data 50%); Price 40%. Price: Lowest price scores full marks.',
      // contract-start + 36 months, and + 24 months of extensions at most
      contractPeriod: {
        startDate: '2027-07-01T00:00:00+01:00',
        endDate: '2030-06-30T23:59:59+01:00',
        maxExtentDate: '2032-06-30T23:59:59+01:00',
        durationInDays: 1096,
      },
      documents: [
        {
          id: '1',
          documentType: 'biddingDocuments',
          title: 'Library management system',
          url: 'https://data.example.gov.uk/tenders/library.docx',
          datePublished: '2027-01-04T00:00:00Z',
          format: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          language: 'en',
        },
        {
          id: '2',
          url: 'https://data.example.gov.uk/tenders/library.odt',
          format: 'application/vnd.oasis.opendocument.text',
        },
      ],
    });
  });

  it('maps each procedure, and the award criteria by what is weighted', async () => {
    const method = async (procedure: string) => {
      const spec = smallSpec() as { tender: Record<string, unknown> };
      // Each procedure with the details it needs, and a below-threshold value where that applies.
      const details =
        procedure === 'competitive-flexible'
          ? { stages: [{ name: 'Tenders', description: 'Bidders submit a full Tender.' }] }
          : procedure === 'framework-competition'
            ? { framework: { name: 'London Digital Services' } }
            : procedure === 'below-threshold'
              ? { estimatedValue: { amount: 90000 } }
              : {};
      const pkg = toOcdsRelease(
        await modelOf({ ...spec, tender: { ...spec.tender, procedure, ...details } }),
      );
      return (pkg.releases as Release[])[0]?.tender.procurementMethod;
    };
    expect(await method('open')).toBe('open');
    expect(await method('competitive-flexible')).toBe('selective');
    expect(await method('below-threshold')).toBe('open');
    expect(await method('framework-competition')).toBe('selective');
    const criteria = async (list: unknown[]) => {
      const pkg = toOcdsRelease(await modelOf({ ...smallSpec(), evaluation: { criteria: list } }));
      return (pkg.releases as Release[])[0]?.tender.awardCriteria;
    };
    expect(await criteria([{ name: 'Price', kind: 'price', weight: 100 }])).toBe('priceOnly');
    expect(await criteria([{ name: 'Quality', kind: 'quality', weight: 100 }])).toBe('qualityOnly');
  });

  it('uses the default ocid prefix, or the caller’s, and never the clock', async () => {
    const doc = await modelOf(smallSpec());
    const first = renderOcds(doc);
    expect(JSON.parse(first).releases[0].ocid).toBe(`${DEFAULT_OCID_PREFIX}-lbx-001`);
    expect(JSON.parse(renderOcds(doc, { ocidPrefix: 'ocds-zzz999' })).releases[0].ocid).toBe(
      'ocds-zzz999-lbx-001',
    );
    expect(renderOcds(doc)).toBe(first);
    expect(first).not.toMatch(/"url"/);
  });
});

describe('contracts-register row (Local Government Transparency Code 2015)', () => {
  it('has a header row and one row, with the tender’s facts in the Code’s columns', async () => {
    const csv = renderRegisterCsv(await modelOf(fullSpec()));
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[0]).toBe(REGISTER_COLUMNS.map(csvField).join(','));
    expect(lines[1]).toBe(
      [
        'LBX-001',
        'Library management system',
        'Digital Services',
        'The Council runs 12 libraries.',
        '',
        '1500000.00',
        '',
        '2027-07-01',
        '2030-06-30',
        '2030-06-30',
        'Published invitation to tender',
        '',
        '',
      ].join(','),
    );
  });

  it('quotes fields per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('is the same every time, and fills what it can for the smallest spec', async () => {
    const doc = await modelOf(smallSpec());
    expect(renderRegisterCsv(doc)).toBe(renderRegisterCsv(doc));
    const row = renderRegisterCsv(doc).split('\r\n')[1];
    expect(row?.startsWith('LBX-001,Library management system,,')).toBe(true);
    expect(row).toContain(',90000.00,,,,,Published invitation to tender,,');
  });
});

describe('calendar arithmetic for open data', () => {
  it('gives UK local time its offset: GMT in winter, BST from the last Sunday of March to that of October', () => {
    expect(londonDateTime('2027-03-27T12:00')).toBe('2027-03-27T12:00:00Z');
    expect(londonDateTime('2027-03-28T12:00')).toBe('2027-03-28T12:00:00+01:00');
    expect(londonDateTime('2027-10-30T12:00')).toBe('2027-10-30T12:00:00+01:00');
    expect(londonDateTime('2027-10-31T12:00')).toBe('2027-10-31T12:00:00Z');
    expect(londonDateTime('2027-06-01', true)).toBe('2027-06-01T23:59:59+01:00');
  });

  it('adds months, clamping to the month’s end, and steps back a day across months and years', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-11-15', 14)).toBe('2029-01-15');
    expect(dayBefore('2027-03-01')).toBe('2027-02-28');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
  });
});
