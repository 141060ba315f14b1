/**
 * Large hostile inputs, generated at test time rather than committed. Each runs in its own child process
 * (hostile-runner.ts) with a capped heap, so a case that blows up fails its own test instead of the suite.
 */

export interface HostileCase {
  readonly description: string;
  /** The files, by absolute path; the spec is /hostile/tender.yaml. */
  readonly files: () => Record<string, string>;
  /** Codes every error must have (the first error in the list is enough when `some` is set). */
  readonly expect: { readonly codes?: readonly string[]; readonly document?: boolean };
  /** Upper bound for building the model, in the child, in ms. */
  readonly maxMs: number;
  /** Cheap cases share one child process (peak memory is then the group's); heavy ones get their own. */
  readonly shared?: boolean;
}

import { SPEC_LIMITS } from '../../src/spec/parse.js';

const SPEC = '/hostile/tender.yaml';
/** Inputs meant to pass the size check fill this share of it, whatever the limit is set to. */
const NEAR_LIMIT = Math.floor(SPEC_LIMITS.maxBytes * 0.95);
const fit = (unit: number) => Math.floor(NEAR_LIMIT / unit);
const HEAD =
  'tender:\n  title: Big\n  reference: BIG-1\n  authority: {name: London Borough of Big}\n  procedure: open\nclauses: {automatic: false}\n';

const one = (text: string) => ({ [SPEC]: text });

export const HOSTILE_CASES: Record<string, HostileCase> = {
  'input-50mb': {
    description: 'a 50 MB spec is refused before it is parsed',
    files: () =>
      one(
        `${HEAD}  background: |\n${'    All work and no play makes a spec a dull read.\n'.repeat(1_000_000)}`,
      ),
    expect: { codes: ['INPUT_TOO_LARGE'] },
    maxMs: 1_000,
    shared: true,
  },
  'nesting-flow-sequence-10000': {
    description: '10,000 nested flow sequences',
    files: () => one(`tender: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`),
    expect: { codes: ['NESTING_TOO_DEEP'] },
    maxMs: 5_000,
    shared: true,
  },
  'nesting-flow-mapping-10000': {
    description: '10,000 nested flow mappings',
    files: () => one(`tender: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`),
    expect: { codes: ['NESTING_TOO_DEEP'] },
    maxMs: 5_000,
    shared: true,
  },
  'nesting-block-sequence-10000': {
    description: '10,000 nested block sequences on one line (- - - …)',
    files: () => one(`tender:\n  ${'- '.repeat(10_000)}x\n`),
    expect: { codes: ['NESTING_TOO_DEEP'] },
    maxMs: 5_000,
    shared: true,
  },
  'nesting-block-mapping-800': {
    description: '800 nested block mappings, each indented one more space (320 KB)',
    files: () => {
      let text = 'tender:\n';
      for (let i = 1; i <= 800; i++) text += `${' '.repeat(i)}a:\n`;
      return one(`${text}${' '.repeat(801)}x\n`);
    },
    expect: { codes: ['NESTING_TOO_DEEP'] },
    maxMs: 5_000,
    shared: true,
  },
  'nesting-flow-sequence-100000': {
    description: '100,000 nested flow sequences: no stack overflow',
    files: () => one(`tender: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`),
    expect: { codes: ['NESTING_TOO_DEEP'] },
    maxMs: 10_000,
    shared: true,
  },
  'alias-bomb-12-levels': {
    description: 'twelve levels of ten aliases (10^12 nodes if expanded)',
    files: () => {
      let text = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
      for (let i = 1; i < 12; i++)
        text += `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]\n`;
      return one(`${text}tender:\n  title: *a11\n`);
    },
    expect: { codes: ['YAML_ALIAS_LIMIT'] },
    maxMs: 2_000,
    shared: true,
  },
  'alias-wide': {
    description: 'one anchor of 20,000 items referenced 100 times',
    files: () =>
      one(
        `big: &big [${Array(20_000).fill('1').join(',')}]\nrequirements: [${Array(100).fill('*big').join(', ')}]\ntender: 1\n`,
      ),
    expect: { codes: ['YAML_ALIAS_LIMIT'] },
    maxMs: 5_000,
    shared: true,
  },
  'multiple-documents': {
    description: `${fit(9).toLocaleString('en-GB')} YAML documents in one file, just under the size limit`,
    files: () => one('---\na: 1\n'.repeat(fit(9))),
    expect: { codes: ['YAML_SYNTAX'] },
    maxMs: 5_000,
    shared: true,
  },
  'long-title': {
    description: `a ${Math.round(NEAR_LIMIT / 1000)} KB title, just under the size limit, still builds a model`,
    files: () => one(HEAD.replace('title: Big', `title: "${'Long title '.repeat(fit(11) - 30)}"`)),
    expect: { document: true },
    maxMs: 5_000,
  },
  'requirements-near-limit': {
    description: `${fit(58).toLocaleString('en-GB')} requirement rows, just under the size limit, build a model`,
    files: () => {
      let text = `${HEAD}requirements:\n`;
      for (let i = 0; i < fit(58) - 10; i++)
        text += `  - {id: R${i}, text: Requirement ${i}, priority: must}\n`;
      return one(text);
    },
    expect: { document: true },
    // The yaml parser reads about 0.3-0.5 MB/s here; the bound leaves room for a busy CI machine.
    maxMs: 15_000,
  },
  'unknown-keys': {
    description: `a mapping with ${fit(11).toLocaleString('en-GB')} unknown keys, just under the size limit, gives typed errors quickly`,
    files: () => {
      let text = 'tender:\n';
      for (let i = 0; i < fit(11); i++) text += ` k${i}: 1\n`;
      return one(text);
    },
    expect: {},
    // About 1 s; the quadratic duplicate-key check this guards against took minutes.
    maxMs: 8_000,
  },
  'duplicate-keys': {
    description: `one key repeated ${fit(7).toLocaleString('en-GB')} times, just under the size limit`,
    files: () => one(`tender:\n${' k: 1\n'.repeat(fit(7))}`),
    expect: { codes: ['YAML_DUPLICATE_KEY'] },
    maxMs: 8_000,
  },
  'wrong-list-items': {
    description: `${fit(2).toLocaleString('en-GB')} wrong list items, just under the size limit, give typed errors quickly and in bounded memory`,
    files: () => one(`tender: 1\nrequirements: [${Array(fit(2)).fill('0').join(',')}]\n`),
    expect: {},
    // About 3 s on a 2-core CI machine; the uncapped error list this guards against took 18 s and 460 MB.
    maxMs: 10_000,
  },
  'markdown-star-underscore': {
    description: `a background of "*_" repeated to just under the size limit (CommonMark took hours) builds a model`,
    files: () =>
      one(
        `${HEAD.replace('clauses: {automatic: false}\n', '')}  background: |\n    ${'*_'.repeat(fit(2) - 200)}\nclauses: {automatic: false}\n`,
      ),
    expect: { document: true },
    maxMs: 3_000,
  },
  'markdown-nested-lists': {
    description:
      'a background of "- " repeated to just under the size limit (nested list markers) builds a model',
    files: () =>
      one(
        `${HEAD.replace('clauses: {automatic: false}\n', '')}  background: |\n    ${'- '.repeat(fit(2) - 200)}a\nclauses: {automatic: false}\n`,
      ),
    expect: { document: true },
    maxMs: 3_000,
  },
  'include-chain-100': {
    description: 'a chain of 100 includes stops at the include depth limit',
    files: () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 100; i++)
        files[i === 0 ? SPEC : `/hostile/f${i}.yaml`] = `include: f${i + 1}.yaml\n${i === 0 ? HEAD : ''}`;
      files['/hostile/f100.yaml'] = 'tender: {}\n';
      return files;
    },
    expect: { codes: ['INCLUDE_TOO_DEEP'] },
    maxMs: 2_000,
    shared: true,
  },
};

export const HOSTILE_SPEC = SPEC;
