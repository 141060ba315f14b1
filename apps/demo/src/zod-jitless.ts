import { config } from 'zod';

/**
 * zod compiles fast parsers with `new Function` when it can. The page's Content Security
 * Policy forbids that (no eval), so turn it off before any schema is built: this module is
 * imported first. Validation is the same, only a little slower.
 */
config({ jitless: true });
