import type { TenderDocument } from '../model/types.js';

/**
 * Renderers take a TenderDocument from buildTenderModel. Called with anything else (null, a spec, a half-built
 * object) they used to fail deep inside with "Cannot read properties of null"; now they fail at once with this
 * error, whose code and message say what was wrong and what to pass instead.
 */
export class RenderInputError extends Error {
  readonly code = 'RENDER_INPUT_INVALID';
  constructor(renderer: string, value: unknown) {
    super(
      `${renderer} needs the TenderDocument that buildTenderModel returns as \`document\`, but was given ${describe(value)}. Check that the build had no errors before rendering.`,
    );
    this.name = 'RenderInputError';
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object that is not a tender document' : `a ${typeof value}`;
}

/** Throws RenderInputError unless `value` has the parts every renderer reads. */
export function assertTenderDocument(renderer: string, value: unknown): asserts value is TenderDocument {
  const doc = value as Partial<TenderDocument> | null | undefined;
  const ok =
    typeof doc === 'object' &&
    doc !== null &&
    typeof doc.meta === 'object' &&
    doc.meta !== null &&
    typeof doc.cover === 'object' &&
    doc.cover !== null &&
    Array.isArray(doc.sections);
  if (!ok) throw new RenderInputError(renderer, value);
}
