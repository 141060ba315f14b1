import { addDays, daysBetween, weekdayName, workingCalendar } from '@loti/clauses';
import { MILESTONE_KINDS, type MilestoneKind } from '../spec/schema.js';
import { formatDate } from '../text/format.js';
import { issueAt, type Rule, type RuleContext } from './context.js';
import { checkThreshold } from './threshold.js';

/** Section 54 of the Procurement Act 2023: the usual minimum tendering period, and the reduced one. */
const ACT_TENDERING_DAYS = 25;
const ACT_REDUCED_TENDERING_DAYS = 10;
/** Where the Act sets no minimum (below threshold, call-offs), fewer days than this draw a warning. */
const GOOD_PRACTICE_TENDERING_DAYS = 10;
/** Answers to late questions must reach every Bidder with time to use them. */
const CLARIFICATION_WORKING_DAYS = 3;
/** Section 51: the mandatory standstill period. */
const STANDSTILL_WORKING_DAYS = 8;

/** The order milestones must follow, whatever order the spec lists them in. */
const SEQUENCE: readonly MilestoneKind[] = [
  'publication',
  'clarification-deadline',
  'submission-deadline',
  'assessment-summaries',
  'contract-award-notice',
  'standstill-end',
  'contract-start',
];

interface Found {
  readonly index: number;
  readonly date: string;
}

function finder(context: RuleContext) {
  return (kind: MilestoneKind): Found | undefined => {
    const index = context.spec.timetable.findIndex((m) => m.kind === kind);
    const milestone = context.spec.timetable[index];
    return milestone ? { index, date: milestone.date } : undefined;
  };
}

export const timetableRule: Rule = (context) => {
  const { spec } = context;
  const find = finder(context);
  const issues = [];
  const datePath = (found: Found) => ['timetable', found.index, 'date'];
  const label = (kind: MilestoneKind) => MILESTONE_KINDS[kind].toLowerCase();

  // Order by meaning, not by list position.
  for (let i = 0; i < SEQUENCE.length; i++) {
    const later = find(SEQUENCE[i] as MilestoneKind);
    if (!later) continue;
    for (let j = 0; j < i; j++) {
      const earlierKind = SEQUENCE[j] as MilestoneKind;
      const earlier = find(earlierKind);
      // clarification before submission is already checked when the spec is validated
      if (!earlier || (earlierKind === 'clarification-deadline' && SEQUENCE[i] === 'submission-deadline'))
        continue;
      if (later.date < earlier.date) {
        issues.push(
          issueAt(context, datePath(later), {
            code: 'TIMETABLE_ORDER',
            severity: 'error',
            message: `${capitalise(label(SEQUENCE[i] as MilestoneKind))} (${later.date}) is before ${label(earlierKind)} (${earlier.date}). It must come after it; check both dates.`,
          }),
        );
      }
    }
  }

  const threshold = checkThreshold(context);
  const actApplies =
    (spec.tender.procedure === 'open' || spec.tender.procedure === 'competitive-flexible') &&
    threshold.position === 'above';

  // Time to prepare Tenders.
  const publication = find('publication');
  const submission = find('submission-deadline');
  if (publication && submission) {
    const days = daysBetween(publication.date, submission.date);
    if (actApplies) {
      const minimum = spec.tender.timeLimitReduction ? ACT_REDUCED_TENDERING_DAYS : ACT_TENDERING_DAYS;
      if (days < minimum) {
        issues.push(
          issueAt(context, datePath(submission), {
            code: 'TENDER_PERIOD_TOO_SHORT',
            severity: 'error',
            message: `Tenders are due ${days} day${days === 1 ? '' : 's'} after the tender notice (${publication.date.slice(0, 10)}). Section 54 of the Procurement Act 2023 requires at least ${minimum} days${spec.tender.timeLimitReduction ? ` even with ${spec.tender.timeLimitReduction.replaceAll('-', ' ')}` : ' (10 only after a qualifying planned procurement notice or in a state of urgency: set tender.timeLimitReduction)'}, and longer for a complex contract. Move the deadline to ${addDays(publication.date, minimum)} or later.`,
          }),
        );
      }
    } else if (days < GOOD_PRACTICE_TENDERING_DAYS) {
      issues.push(
        issueAt(context, datePath(submission), {
          code: 'TENDER_PERIOD_TOO_SHORT',
          severity: 'warning',
          message: `Tenders are due ${days} day${days === 1 ? '' : 's'} after the opportunity is published (${publication.date.slice(0, 10)}). The Act sets no minimum here, but Bidders need a reasonable time to prepare; allow at least ${GOOD_PRACTICE_TENDERING_DAYS} days, more for a complex contract.`,
        }),
      );
    }
  }

  // Time between the last questions and the deadline.
  const deadlines = workingCalendar(context.catalog.data.registers?.bankHolidays, 'england-and-wales');
  const clarification = find('clarification-deadline');
  if (clarification && submission && clarification.date < submission.date) {
    const latest = deadlines.nthWorkingDay(clarification.date, CLARIFICATION_WORKING_DAYS + 1);
    if (submission.date.slice(0, 10) < latest) {
      issues.push(
        issueAt(context, datePath(clarification), {
          code: 'CLARIFICATION_TOO_LATE',
          severity: 'warning',
          message: `The clarification deadline (${clarification.date}) leaves less than ${CLARIFICATION_WORKING_DAYS} working days before Tenders are due (${submission.date}). The Authority must answer and publish every question in time for all Bidders to use the answer; move it earlier.`,
        }),
      );
    }
  }

  // Dates Bidders act on should be working days, and the register must know them.
  let uncovered: Found | undefined;
  spec.timetable.forEach((milestone, index) => {
    if (milestone.kind === 'other') return;
    const date = milestone.date.slice(0, 10);
    if (!deadlines.covers(date)) {
      uncovered ??= { index, date };
      if (!deadlines.isWeekend(date)) return;
    }
    if (deadlines.isWeekend(date) || deadlines.bankHoliday(date)) {
      issues.push(
        issueAt(context, ['timetable', index, 'date'], {
          code: 'NON_WORKING_DAY',
          severity: 'warning',
          message: `${capitalise(label(milestone.kind))} falls on ${formatDate(date)}, ${deadlines.isWeekend(date) ? `a ${weekdayName(date)}` : 'a bank holiday in England and Wales'}. Bidders and officers may not be working; choose a working day.`,
        }),
      );
    }
  });
  if (uncovered) {
    const register = context.catalog.data.registers?.bankHolidays;
    issues.push(
      issueAt(context, datePath(uncovered), {
        code: 'CALENDAR_NOT_COVERED',
        severity: 'warning',
        message: register
          ? `${uncovered.date} is outside the bank-holiday register (${register.coveredFrom} to ${register.coveredUntil}), so bank holidays from here on are not checked. Check the dates against GOV.UK, or update @loti/clauses.`
          : `The clause library has no bank-holiday register, so bank holidays are not checked.`,
      }),
    );
  }

  // The mandatory standstill: 8 working days, as the Act counts them, from the contract award notice.
  const award = find('contract-award-notice') ?? find('assessment-summaries');
  if (actApplies && award) {
    const act = workingCalendar(context.catalog.data.registers?.bankHolidays, 'procurement-act');
    const lastDay = act.nthWorkingDay(award.date, STANDSTILL_WORKING_DAYS);
    const end = find('standstill-end');
    const start = find('contract-start');
    const from =
      award === find('contract-award-notice') ? 'the contract award notice' : 'the assessment summaries';
    if (end && end.date.slice(0, 10) < lastDay) {
      issues.push(
        issueAt(context, datePath(end), {
          code: 'STANDSTILL_TOO_SHORT',
          severity: 'error',
          message: `The standstill period ends ${end.date.slice(0, 10)}, but section 51 of the Procurement Act 2023 requires ${STANDSTILL_WORKING_DAYS} working days beginning with the day of ${from} (${award.date.slice(0, 10)}), counting bank holidays anywhere in the UK. It cannot end before ${lastDay}.`,
        }),
      );
    } else if (!end && start && start.date.slice(0, 10) <= lastDay) {
      issues.push(
        issueAt(context, datePath(start), {
          code: 'STANDSTILL_TOO_SHORT',
          severity: 'error',
          message: `The Contract starts ${start.date.slice(0, 10)}, inside the ${STANDSTILL_WORKING_DAYS}-working-day standstill that begins with ${from} (${award.date.slice(0, 10)}) and runs to ${lastDay}. Start the Contract after ${lastDay}.`,
        }),
      );
    }
  }
  return issues;
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
