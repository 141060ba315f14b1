import type { TenderDocument } from '../model/types.js';
import { base64ToBytes, imageKind } from './docx/base64.js';

/**
 * What the cover shows, worked out once for every paged renderer (.docx, .odt) and the page estimate. Free of the docx
 * library, so renderers that do not write Word do not load it.
 */

/** The logo is scaled to fit this box (pixels at 96 dpi), keeping its proportions. */
const LOGO_BOX = { width: 220, height: 80 } as const;

/** A usable logo: its bytes and kind, and its size on the cover in pixels, fitted to LOGO_BOX. */
export interface CoverLogo {
  readonly data: Uint8Array;
  readonly kind: 'png' | 'jpg';
  readonly width: number;
  readonly height: number;
}

/** The logo as the cover shows it; undefined when there is none or it is not a PNG or JPEG. */
export function coverLogo(doc: TenderDocument): CoverLogo | undefined {
  const logo = doc.meta.branding.logo;
  if (!logo) return undefined;
  const data = base64ToBytes(logo.base64);
  const kind = data ? imageKind(data) : undefined;
  if (!data || !kind || !(logo.widthPx > 0) || !(logo.heightPx > 0)) return undefined;
  const scale = Math.min(1, LOGO_BOX.width / logo.widthPx, LOGO_BOX.height / logo.heightPx);
  return {
    width: Math.max(1, Math.round(logo.widthPx * scale)),
    height: Math.max(1, Math.round(logo.heightPx * scale)),
    data,
    kind,
  };
}

/** Column widths of the cover's facts grid: labels take 36% of the width. */
export function factsWidths(width: number): [number, number] {
  return [Math.round(width * 0.36), width - Math.round(width * 0.36)];
}
