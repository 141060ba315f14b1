import { catalog } from '@loti/clauses';
import { GENERATOR_VERSION } from '@loti/tender-generator';
import packageJson from '../package.json' with { type: 'json' };

export const CLI_VERSION: string = packageJson.version;

export function versionText(): string {
  return `${CLI_VERSION} (@loti/tender-generator ${GENERATOR_VERSION}, @loti/clauses ${catalog.packageVersion})`;
}
