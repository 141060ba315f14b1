import packageJson from '../package.json' with { type: 'json' };

/** The version of this package, recorded in every document's manifest. */
export const GENERATOR_VERSION: string = packageJson.version;
/** Recorded in every document's manifest. */
export const GENERATOR = `@loti/tender-generator ${GENERATOR_VERSION}`;
