import { PROCEDURES } from '../spec/schema.js';
import { issueAt, type Rule } from './context.js';

/** Each procedure needs its own details: a call-off names its framework, a competitive flexible procedure its stages. */
export const procedureDetailsRule: Rule = (context) => {
  const { spec } = context;
  const { procedure, framework, stages, timeLimitReduction } = spec.tender;
  const issues = [];
  if (procedure === 'framework-competition' && !framework) {
    issues.push(
      issueAt(context, ['tender', 'procedure'], {
        code: 'PROCEDURE_DETAIL_MISSING',
        severity: 'error',
        message:
          'A call-off under a framework must name the framework: add tender.framework with its name (and reference and lot if it has them). The wording says which framework the competitive selection process runs under.',
      }),
    );
  }
  if (procedure === 'competitive-flexible' && !stages?.length) {
    issues.push(
      issueAt(context, ['tender', 'procedure'], {
        code: 'PROCEDURE_DETAIL_MISSING',
        severity: 'error',
        message:
          'A competitive flexible procedure must tell Bidders its stages: add tender.stages, each with a name and what happens at it (for example participation, initial tenders, negotiation, final tenders).',
      }),
    );
  }
  const unused = (field: 'framework' | 'stages' | 'timeLimitReduction', usedBy: string) =>
    issueAt(context, ['tender', field], {
      code: 'PROCEDURE_DETAIL_UNUSED',
      severity: 'warning',
      message: `tender.${field} is only used by ${usedBy}; this tender uses the ${PROCEDURES[procedure]}, so it is left out. Remove it, or check the procedure.`,
    });
  if (framework && procedure !== 'framework-competition')
    issues.push(unused('framework', 'procedure: framework-competition'));
  if (stages?.length && procedure !== 'competitive-flexible')
    issues.push(unused('stages', 'procedure: competitive-flexible'));
  if (timeLimitReduction && procedure !== 'open' && procedure !== 'competitive-flexible')
    issues.push(unused('timeLimitReduction', 'the open and competitive flexible procedures (section 54)'));
  return issues;
};
