import {
  type ThresholdInForce,
  type ThresholdKind,
  type ThresholdPosition,
  thresholdOn,
} from '@loti/clauses';
import { formatMoney } from '../text/format.js';
import { issueAt, type Rule, type RuleContext } from './context.js';

/** UK standard rate: thresholds include VAT, so a value given without VAT is grossed up for the check. */
const VAT_RATE = 0.2;
/** A below-threshold value within this share of the threshold gets a warning. */
const NEAR_SHARE = 0.9;

export interface ThresholdCheck {
  readonly threshold?: ThresholdInForce;
  /** The estimated value including VAT, in pounds, when the spec gives one in pounds. */
  readonly valueWithVat?: number;
  /** Where the value sits; when unknown, the position the procedure implies. */
  readonly position: ThresholdPosition;
  readonly known: boolean;
}

/** The day the procurement starts, for choosing the thresholds in force. */
function procurementStartDate(context: Pick<RuleContext, 'spec'>): string | undefined {
  const { spec } = context;
  return (
    spec.timetable.find((m) => m.kind === 'publication')?.date ??
    spec.document.issueDate ??
    spec.timetable[0]?.date
  );
}

function thresholdKind(context: Pick<RuleContext, 'spec'>): ThresholdKind {
  const { contractType, authority } = context.spec.tender;
  if (contractType === 'works') return 'works';
  if (contractType === 'light-touch') return 'light-touch';
  return authority.type === 'central' ? 'supplies-services-central' : 'supplies-services-sub-central';
}

export function checkThreshold(context: Pick<RuleContext, 'spec' | 'catalog'>): ThresholdCheck {
  const { spec, catalog } = context;
  const implied: ThresholdPosition = spec.tender.procedure === 'below-threshold' ? 'below' : 'above';
  const register = catalog.data.registers?.thresholds;
  const value = spec.tender.estimatedValue;
  if (!register) return { position: implied, known: false };
  const start = procurementStartDate(context);
  const revisions = [...register.revisions].sort((a, b) => b.from.localeCompare(a.from));
  const threshold = start
    ? thresholdOn(register, thresholdKind(context), start)
    : thresholdOn(register, thresholdKind(context), revisions[0]?.from ?? '');
  if (!threshold || !value || value.currency !== 'GBP') {
    return { ...(threshold ? { threshold } : {}), position: implied, known: false };
  }
  const valueWithVat = value.includesVat ? value.amount : Math.round(value.amount * (1 + VAT_RATE));
  return {
    threshold,
    valueWithVat,
    position: valueWithVat >= threshold.amount ? 'above' : 'below',
    known: true,
  };
}

const KIND_WORDS: Record<ThresholdKind, string> = {
  'supplies-services-central': 'supplies and services bought by central government',
  'supplies-services-sub-central':
    'supplies and services bought by a sub-central authority such as a council',
  works: 'works contracts',
  'light-touch': 'light touch services',
};

/** Below-threshold above the threshold is an error; near it, a warning; an Act procedure below it, a note. */
export const thresholdRule: Rule = (context) => {
  const { spec } = context;
  const check = checkThreshold(context);
  const procedure = spec.tender.procedure;
  const valuePath = spec.tender.estimatedValue
    ? ['tender', 'estimatedValue', 'amount']
    : ['tender', 'procedure'];
  if (procedure === 'framework-competition') return [];
  if (!check.known || !check.threshold || check.valueWithVat === undefined) {
    if (!check.threshold) return [];
    return [
      issueAt(context, valuePath, {
        code: 'THRESHOLD_UNKNOWN',
        severity: 'warning',
        message: spec.tender.estimatedValue
          ? `The estimated value is not in pounds, so it cannot be checked against the ${formatMoney(check.threshold.amount, 'GBP')} threshold. Give it in GBP.`
          : `Give tender.estimatedValue so the value can be checked against the ${formatMoney(check.threshold.amount, 'GBP')} threshold (including VAT) for ${KIND_WORDS[check.threshold.kind]}.`,
      }),
    ];
  }
  const amount = formatMoney(check.threshold.amount, 'GBP');
  const value = formatMoney(check.valueWithVat, 'GBP');
  const vatNote = spec.tender.estimatedValue?.includesVat
    ? ''
    : ' (the check adds VAT at 20%; set includesVat: true if the value already includes VAT or the contract is exempt)';
  const since = `in force from ${check.threshold.from}`;
  if (procedure === 'below-threshold') {
    if (check.valueWithVat >= check.threshold.amount) {
      return [
        issueAt(context, valuePath, {
          code: 'THRESHOLD_EXCEEDED',
          severity: 'error',
          message: `The estimated value is ${value} including VAT${vatNote}, which is at or above the ${amount} threshold for ${KIND_WORDS[check.threshold.kind]} (${since}). A contract of this value is a public contract: use procedure: open or competitive-flexible (or framework-competition), or check the estimate.`,
        }),
      ];
    }
    if (check.valueWithVat >= check.threshold.amount * NEAR_SHARE) {
      return [
        issueAt(context, valuePath, {
          code: 'THRESHOLD_NEAR',
          severity: 'warning',
          message: `The estimated value is ${value} including VAT${vatNote}, within 10% of the ${amount} threshold (${since}). Check the estimate covers the whole contract, including extensions and options; if it reaches the threshold the Act's procedures apply.`,
        }),
      ];
    }
    return [];
  }
  if (check.valueWithVat < check.threshold.amount) {
    return [
      issueAt(context, valuePath, {
        code: 'PROCEDURE_BELOW_THRESHOLD',
        severity: 'warning',
        message: `The estimated value is ${value} including VAT${vatNote}, below the ${amount} threshold (${since}). The Act does not require the ${procedure === 'open' ? 'open' : 'competitive flexible'} procedure for this contract; procedure: below-threshold gives wording for Part 6 of the Act. Keep this procedure only if the Authority chooses to.`,
      }),
    ];
  }
  return [];
};
