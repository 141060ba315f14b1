import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addClauseToSpec, includedClauseIds, minimalChange } from '../src/spec-edit.js';

const examplesDir = new URL('../../../examples/', import.meta.url);
const examples = readdirSync(examplesDir)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => ({ name, text: readFileSync(new URL(name, examplesDir), 'utf8') }));

function apply(text: string, change: { from: number; to: number; insert: string }): string {
  return text.slice(0, change.from) + change.insert + text.slice(change.to);
}

describe('addClauseToSpec', () => {
  it.each(examples)(
    'only inserts the new entry into $name: comments, quoting and flow lists survive',
    ({ text }) => {
      const result = addClauseToSpec(text, 'security/penetration-testing', '^1');
      if (!result.ok) throw new Error(result.message);
      expect(apply(text, result.change)).toBe(result.text);
      expect(result.change.to).toBe(result.change.from);
      expect(result.change.insert).toMatch(/security\/penetration-testing/);
      expect(result.change.insert.split('\n').length).toBeLessThanOrEqual(3);
      const before = parse(text);
      const after = parse(result.text);
      const added = after.clauses.include.at(-1);
      expect(typeof added === 'string' ? added : added.id).toMatch(/^security\/penetration-testing(@\^1)?$/);
      after.clauses.include.pop();
      expect(after).toEqual({
        ...before,
        clauses: { ...before.clauses, include: before.clauses?.include ?? [] },
      });
    },
  );

  it('follows the neighbours: strings stay strings', () => {
    const text = 'tender:\n  title: X\nclauses:\n  include:\n    - apis/documented-apis@^1 # APIs\n';
    const result = addClauseToSpec(text, 'security/patching', '^2');
    if (!result.ok) throw new Error(result.message);
    expect(result.text).toBe(
      'tender:\n  title: X\nclauses:\n  include:\n    - apis/documented-apis@^1 # APIs\n    - security/patching@^2\n',
    );
  });

  it('creates clauses.include when there is none, keeping comments', () => {
    const text = '# My tender\ntender:\n  title: X # the title\n';
    const result = addClauseToSpec(text, 'security/patching', '^1');
    if (!result.ok) throw new Error(result.message);
    expect(result.text).toBe(
      '# My tender\ntender:\n  title: X # the title\nclauses:\n  include:\n    - security/patching@^1\n',
    );
  });

  it('leaves folded text and quoting elsewhere exactly as written, in every layout it inserts into', () => {
    const rest =
      "variables:\n  note: >-\n    a paragraph folded\n    over two lines\n  title: 'quoted'  # kept\n";
    for (const [clauses, expected] of [
      ['clauses:\n  include:\n    - apis/documented-apis@^1 # APIs\n', '    - security/patching@^1\n'],
      ['clauses:\n  profiles: [core-technology]\n', '  include:\n    - security/patching@^1\n'],
      ['', 'clauses:\n  include:\n    - security/patching@^1\n'],
    ]) {
      const text = `tender:\n  title: X\n${clauses}${rest}`;
      const result = addClauseToSpec(text, 'security/patching', '^1');
      if (!result.ok) throw new Error(result.message);
      expect(result.change.to).toBe(result.change.from);
      expect(result.change.insert).toBe(expected);
      expect(result.text).toContain(rest);
    }
  });

  it('fills an empty clauses: or include:', () => {
    for (const text of [
      'tender:\n  title: X\nclauses:\n',
      'tender:\n  title: X\nclauses:\n  include:\n  automatic: true\n',
    ]) {
      const result = addClauseToSpec(text, 'security/patching', '^1');
      if (!result.ok) throw new Error(result.message);
      expect(parse(result.text).clauses.include).toEqual(['security/patching@^1']);
    }
  });

  it('keeps flow lists flow', () => {
    const result = addClauseToSpec(
      'clauses:\n  include: [apis/documented-apis]\n',
      'security/patching',
      '^1',
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.text).toBe('clauses:\n  include: [apis/documented-apis, security/patching@^1]\n');
  });

  it('takes the clause out of clauses.exclude', () => {
    const text =
      'clauses:\n  exclude:\n    - id: security/patching\n      reason: Not needed\n    - id: apis/documented-apis\n      reason: No APIs\n';
    const result = addClauseToSpec(text, 'security/patching', '^1');
    if (!result.ok) throw new Error(result.message);
    expect(result.removedFromExclude).toBe(true);
    expect(parse(result.text).clauses).toEqual({
      exclude: [{ id: 'apis/documented-apis', reason: 'No APIs' }],
      include: ['security/patching@^1'],
    });
  });

  it('refuses duplicates, broken YAML and odd shapes with a message', () => {
    const included = addClauseToSpec(
      'clauses:\n  include:\n    - id: security/patching\n',
      'security/patching',
      '^1',
    );
    expect(included).toMatchObject({ ok: false, reason: 'already-included' });
    expect(
      addClauseToSpec('clauses:\n  include:\n    - security/patching@~1.2\n', 'security/patching'),
    ).toMatchObject({ ok: false, reason: 'already-included' });
    expect(addClauseToSpec('tender: [unclosed\n', 'security/patching')).toMatchObject({
      ok: false,
      reason: 'yaml-errors',
    });
    expect(addClauseToSpec('- a\n- b\n', 'security/patching')).toMatchObject({
      ok: false,
      reason: 'not-a-mapping',
    });
    expect(addClauseToSpec('clauses:\n  include: security/patching\n', 'apis/documented-apis')).toMatchObject(
      { ok: false, reason: 'bad-shape' },
    );
  });

  it('starts an empty file', () => {
    const result = addClauseToSpec('', 'security/patching', '^1');
    if (!result.ok) throw new Error(result.message);
    expect(parse(result.text)).toEqual({ clauses: { include: ['security/patching@^1'] } });
  });
});

describe('includedClauseIds', () => {
  it('reads ids in both forms', () => {
    expect([
      ...includedClauseIds('clauses:\n  include:\n    - a/b@^1\n    - id: c/d\n      version: ^2\n'),
    ]).toEqual(['a/b', 'c/d']);
  });
});

describe('minimalChange', () => {
  it('finds the one changed region', () => {
    expect(minimalChange('abcdef', 'abXYef')).toEqual({ from: 2, to: 4, insert: 'XY' });
    expect(minimalChange('aaa', 'aaaa')).toEqual({ from: 3, to: 3, insert: 'a' });
    expect(minimalChange('same', 'same')).toEqual({ from: 4, to: 4, insert: '' });
  });
});
