/**
 * Accent colour handling shared by the DOCX and HTML renderers. Brand colours come from the spec and can be
 * anything, so text on or in the accent is checked against WCAG 2.2 contrast (4.5:1) and adjusted when too light.
 */

import { DEFAULT_ACCENT_COLOUR } from '../model/branding.js';

const HEX = /^[0-9a-fA-F]{6}$/;

export interface Palette {
  /** Accent as given (normalised), for rules and shading. */
  readonly accent: string;
  /** Accent darkened until it reads as text on white at 4.5:1. */
  readonly accentText: string;
  /** Fill of table header cells. */
  readonly headerFill: string;
  /** Text on the header fill: white on a dark accent, near-black on a light one. */
  readonly headerText: string;
  /** Light tint of the accent for drafting-note boxes, with near-black text on it. */
  readonly noteFill: string;
  readonly bodyText: string;
}

function normaliseHex(colour: string | undefined): string {
  const value = (colour ?? '').replace(/^#/, '');
  return HEX.test(value) ? value.toUpperCase() : DEFAULT_ACCENT_COLOUR;
}

function channels(hex: string): [number, number, number] {
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(rgb: readonly number[]): string {
  return rgb
    .map((c) =>
      Math.max(0, Math.min(255, Math.round(c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function mix(hex: string, towards: string, amount: number): string {
  const a = channels(hex);
  const b = channels(towards);
  return toHex(a.map((c, i) => c + ((b[i] ?? 0) - c) * amount));
}

const WHITE = 'FFFFFF';
const INK = '0B0C0C';

/** Darkens a colour in small steps until it meets `ratio` against white. */
function darkenFor(hex: string, ratio: number): string {
  let colour = hex;
  for (let step = 1; contrast(colour, WHITE) < ratio && step <= 20; step += 1) {
    colour = mix(hex, '000000', step * 0.05);
  }
  return colour;
}

export function paletteFor(accentColour: string | undefined): Palette {
  const accent = normaliseHex(accentColour);
  const whiteOnAccent = contrast(accent, WHITE) >= 4.5;
  return {
    accent,
    accentText: darkenFor(accent, 4.5),
    headerFill: accent,
    headerText: whiteOnAccent ? WHITE : INK,
    noteFill: mix(accent, WHITE, 0.9),
    bodyText: INK,
  };
}
