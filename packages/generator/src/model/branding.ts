/**
 * Branding defaults, defined once for assembly and every renderer: a spec without `document.branding` gets these, and
 * a renderer given a model whose accent is not six hex digits falls back to the same colour.
 */

/** GOV.UK blue: the accent colour when the spec sets none, as six hex digits without #. */
export const DEFAULT_ACCENT_COLOUR = '1D70B8';

/** The body font when the spec sets none. */
export const DEFAULT_FONT = 'Arial';
