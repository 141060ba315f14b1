import { DEFAULT_ACCENT_COLOUR, DEFAULT_FONT } from '../model/branding.js';
import type { Branding, ManifestEntry, TenderDocument } from '../model/types.js';
import { PROCEDURES, type TenderSpec } from '../spec/schema.js';
import { sanitiseLine } from '../text/sanitise.js';

/**
 * The issue date: the spec's, else the publication milestone's, else the first milestone's. A fixed fallback keeps
 * the output deterministic (never the clock).
 */
function issueDateOf(spec: TenderSpec): string {
  const date =
    spec.document.issueDate ??
    spec.timetable.find((m) => m.kind === 'publication')?.date ??
    spec.timetable[0]?.date ??
    '2000-01-01';
  return date.slice(0, 10);
}

/** The document's properties (title, subject, keywords, dates), its status and branding. */
export function documentMeta(
  spec: TenderSpec,
  manifest: readonly ManifestEntry[],
  logo: Branding['logo'] | undefined,
): TenderDocument['meta'] {
  const colour = spec.document.branding?.colour?.replace('#', '').toUpperCase() ?? DEFAULT_ACCENT_COLOUR;
  const keywords = [
    ...new Set(['tender', 'procurement', ...manifest.map((m) => m.id.split('/')[0] as string)]),
  ];
  return {
    title: sanitiseLine(spec.tender.title),
    reference: sanitiseLine(spec.tender.reference),
    subject: `Invitation to tender: ${sanitiseLine(spec.tender.title)}`,
    description: sanitiseLine(
      `${spec.tender.authority.name} tender ${spec.tender.reference}, run under the ${PROCEDURES[spec.tender.procedure]}.`,
    ),
    keywords,
    creator: sanitiseLine(spec.tender.authority.name),
    language: spec.document.language,
    ...(spec.document.classification ? { classification: sanitiseLine(spec.document.classification) } : {}),
    issueDate: issueDateOf(spec),
    showGuidance: spec.document.guidanceNotes,
    status: spec.document.status,
    branding: {
      accentColour: colour,
      font: sanitiseLine(spec.document.branding?.font ?? DEFAULT_FONT),
      ...(logo ? { logo } : {}),
    },
  };
}
