/**
 * The demo in a real browser: playwright-core drives the system Chromium (never a downloaded
 * one) against dist/ served by scripts/serve.mjs. The tests run in order on one page, like an
 * officer's session: load, switch example, type, break and fix the spec, download, use the
 * clause library. Screenshots go to test/screenshots/.
 */
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { catalog, TENDER_FACTS } from '@loti/clauses';
import { unzipPack } from '@loti/tender-generator';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildSpecText } from '../src/generator.js';
import { addClauseToSpec } from '../src/spec-edit.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const appDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = join(appDir, '../..');
const examplesDir = join(repoDir, 'examples');
const cliBin = join(repoDir, 'packages/cli/bin/tender.js');
const screenshots = join(appDir, 'test/screenshots');
const run = promisify(execFile);

/** Every spec the picker must offer: examples/*.yaml and examples/broken/*.yaml. */
const exampleFiles = readdirSync(examplesDir)
  .filter((name) => name.endsWith('.yaml'))
  .sort();
const brokenFiles = existsSync(join(examplesDir, 'broken'))
  ? readdirSync(join(examplesDir, 'broken'))
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => `broken/${name}`)
  : [];
const readExample = (file: string) => readFileSync(join(examplesDir, file), 'utf8');
/** Every YAML file under examples/, for specs that include shared files. */
const allExampleFiles: Record<string, string> = Object.fromEntries(
  readdirSync(examplesDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => [name.split('\\').join('/'), readExample(name)]),
);
/** The example the session edits and downloads, and the largest one, for timing. */
const main = exampleFiles.includes('housing-management-system.yaml')
  ? 'housing-management-system.yaml'
  : (exampleFiles[0] as string);
const largest = [...exampleFiles].sort(
  (a, b) => statSync(join(examplesDir, b)).size - statSync(join(examplesDir, a)).size,
)[0] as string;
const other = exampleFiles.find((file) => file !== main) ?? brokenFiles[0];

let server: ChildProcess | undefined;
let origin = '';
let context: BrowserContext | undefined;
let page: Page;
let userDataDir = '';
let downloadsDir = '';
const requests: string[] = [];
const problems: string[] = [];

async function startServer(): Promise<string> {
  const child = spawn(process.execPath, [join(appDir, 'scripts/serve.mjs')], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`The static server did not start:\n${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`The static server exited (${code}):\n${output}`)));
  });
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(screenshots, `${name}.png`) });
}

const editorText = () =>
  page.evaluate(() => (window as unknown as { tenderDemo: { text: string } }).tenderDemo.text);
const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';
const previewState = () => page.locator('#preview-region').getAttribute('data-state');
const statusText = () => textOf(page.locator('#preview-status-text'));

/** Waits until a validation run has finished after `since` runs, and returns the new count. */
async function waitForRun(since: number): Promise<number> {
  await page.waitForFunction(
    (n) => Number(document.querySelector('#preview-region')?.getAttribute('data-runs') ?? 0) > n,
    since,
    { timeout: 15_000 },
  );
  return runs();
}
const runs = async () => Number((await page.locator('#preview-region').getAttribute('data-runs')) ?? 0);

/** Puts the cursor at the end of the editor line containing `text` (a real click, then End). */
async function cursorToEndOf(text: string): Promise<void> {
  const line = page.locator('.cm-line', { hasText: text }).first();
  await line.scrollIntoViewIfNeeded();
  await line.click();
  await page.keyboard.press('End');
}

function lineOf(source: string, needle: string): number {
  const index = source.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" is not in the spec`);
  return index + 1;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}. The demo's browser tests drive the system Chromium and never download one: install it with \`apt-get install -y chromium\` (CI does this), then run the tests again.`,
    );
  }
  if (!existsSync(join(appDir, 'dist/index.html'))) {
    // `turbo run test` builds first; a direct `vitest run` may not have.
    const vite = createRequire(import.meta.url).resolve('vite/bin/vite.js');
    execFileSync(process.execPath, [vite, 'build'], { cwd: appDir, stdio: 'inherit' });
  }
  mkdirSync(screenshots, { recursive: true });
  origin = new URL(await startServer()).origin;
  userDataDir = mkdtempSync(join(tmpdir(), 'loti-demo-chromium-'));
  downloadsDir = mkdtempSync(join(tmpdir(), 'loti-demo-downloads-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    downloadsPath: downloadsDir,
    viewport: { width: 1440, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  await page.goto(`${origin}/`);
  await page.waitForSelector('#preview-region[data-runs]', { timeout: 30_000 });
});

afterAll(async () => {
  await context?.close();
  server?.kill();
  for (const dir of [userDataDir, downloadsDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the demo in Chromium', () => {
  it('loads with every example in a labelled picker and a preview', async () => {
    expect(await page.title()).toContain('LOTI Tender Kit');
    expect(await textOf(page.locator('h1'))).toMatch(/tender spec/i);
    const picker = page.getByLabel('Start from an example');
    const options = await picker
      .locator('option')
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
    expect(options).toEqual([...exampleFiles, ...brokenFiles]);
    expect(await previewState()).toBe('current');
    expect(await editorText()).toBe(readExample(exampleFiles[0] as string));
    expect(await statusText()).toMatch(/The preview is up to date/);
    await shot('01-loaded');
  });

  it('switches example', async () => {
    for (const file of [other, main]) {
      if (!file) continue;
      const before = await runs();
      await page.getByLabel('Start from an example').selectOption(file);
      await waitForRun(before);
      expect(await editorText()).toBe(readExample(file));
      if (!file.startsWith('broken/')) {
        const title = parse(readExample(file)).tender.title as string;
        await page
          .frameLocator('#preview')
          .locator('.tk-title', { hasText: title })
          .waitFor({ timeout: 10_000 });
        expect(await previewState()).toBe('current');
      }
    }
    await shot('02-switched');
  });

  it('updates the preview as the officer types', async () => {
    const source = readExample(main);
    const title = parse(source).tender.title as string;
    const newTitle = 'Housing and Repairs Service';
    // The example switch left a "Loaded … Undo" notice; it is about the text before any edit.
    await page.locator('#notice', { hasText: 'Loaded' }).waitFor({ timeout: 5_000 });
    await cursorToEndOf(`title: ${title}`);
    for (let i = 0; i < title.length; i += 1) await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.type(newTitle, { delay: 20 });
    await page
      .frameLocator('#preview')
      .locator('.tk-title', { hasText: newTitle })
      .waitFor({ timeout: 10_000 });
    expect(await editorText()).toContain(`title: ${newTitle}`);
    expect(await statusText()).toMatch(/up to date/);
    expect(await textOf(page.locator('#notice'))).toBe('');
    await shot('03-typed-title');
  });

  it('marks an error at its line, lists it, and keeps the last valid preview', async () => {
    const text = await editorText();
    const procedure = /^ {2}procedure: (\S+)/m.exec(text)?.[1];
    if (!procedure) throw new Error('The example has no tender.procedure to break');
    const line = lineOf(text, `procedure: ${procedure}`);
    await cursorToEndOf(`procedure: ${procedure}`);
    await page.keyboard.type('-typo');

    const item = page.locator(`#issue-list li[data-code="ENUM_INVALID"][data-line="${line}"]`);
    await item.waitFor({ timeout: 10_000 });
    expect(await textOf(item)).toContain(`${line}:`);
    const marked = page.locator('.cm-line', { has: page.locator('.cm-lintRange-error') });
    expect(await textOf(marked.first())).toContain(`procedure: ${procedure}-typo`);
    expect(await page.locator('.cm-lint-marker-error').count()).toBeGreaterThan(0);
    expect(await statusText()).toBe('Showing the last valid version: fix 1 error');
    // No notice beside the error banner.
    expect(await textOf(page.locator('#notice'))).toBe('');
    expect(await textOf(page.locator('#issues-heading'))).toBe('1 error');
    expect(await previewState()).toBe('stale');
    await page
      .frameLocator('#preview')
      .locator('.tk-title', { hasText: 'Housing and Repairs Service' })
      .waitFor({ timeout: 1_000 });

    // The location in the list moves the cursor to the line.
    await item.getByRole('button').click();
    expect(await textOf(page.locator('.cm-activeLine'))).toContain('procedure:');
    await page.keyboard.press('Escape');
    await shot('04-error');
  });

  it('fixing the error brings the preview up to date', async () => {
    await cursorToEndOf('-typo');
    for (let i = 0; i < '-typo'.length; i += 1) await page.keyboard.press('Backspace');
    await page.waitForFunction(
      () => document.querySelector('#preview-region')?.getAttribute('data-state') === 'current',
      undefined,
      { timeout: 10_000 },
    );
    expect(await statusText()).toMatch(/up to date/);
    expect(await page.locator('#issue-list li[data-code="ENUM_INVALID"]').count()).toBe(0);
    expect(await page.locator('.cm-lintRange-error').count()).toBe(0);
    await shot('05-fixed');
  });

  it('keeps the work across a reload and offers it back, overwriting nothing unasked', async () => {
    const edited = await editorText();
    expect(edited).toContain('Housing and Repairs Service');
    await page.reload();
    await page.waitForSelector('#preview-region[data-runs]', { timeout: 30_000 });
    const offer = page.locator('#offer');
    await offer.waitFor({ state: 'visible', timeout: 10_000 });
    const title = parse(readExample(main)).tender.title as string;
    expect(await textOf(page.locator('#offer-text'))).toMatch(
      new RegExp(`^You have unsaved work on ${title} from (today|yesterday) at \\d\\d:\\d\\d\\.$`),
    );
    // The page shows the first example until the officer answers.
    expect(await editorText()).toBe(readExample(exampleFiles[0] as string));
    await shot('05a-restore-offer');
    const before = await runs();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await waitForRun(before);
    expect(await editorText()).toBe(edited);
    expect(await page.getByLabel('Start from an example').inputValue()).toBe(main);
    await page
      .frameLocator('#preview')
      .locator('.tk-title', { hasText: 'Housing and Repairs Service' })
      .waitFor({ timeout: 10_000 });
    expect(await offer.isHidden()).toBe(true);
    await page.locator('#notice', { hasText: 'Restored your work' }).waitFor({ timeout: 5_000 });
  });

  it('saves the spec as a .yaml file with the text in the editor', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Save .yaml' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(main);
    const saved = readFileSync(await download.path(), 'utf8');
    expect(saved).toBe(await editorText());
    expect(parse(saved).tender.title).toBe('Housing and Repairs Service');
  });

  it('opens a .yaml file (undoable) and refuses one too large', async () => {
    const before = await editorText();
    const opened = before.replace('Housing and Repairs Service', 'Opened From Disk');
    let count = await runs();
    await page.locator('#open-spec-input').setInputFiles({
      name: 'my-tender.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(opened),
    });
    await waitForRun(count);
    expect(await editorText()).toBe(opened);
    await page
      .frameLocator('#preview')
      .locator('.tk-title', { hasText: 'Opened From Disk' })
      .waitFor({ timeout: 10_000 });
    expect(await page.getByLabel('Start from an example').inputValue()).toBe('my-tender.yaml');
    await page.locator('#notice', { hasText: 'Opened my-tender.yaml' }).waitFor({ timeout: 5_000 });
    await shot('05b-opened');

    await page.locator('.cm-content').focus();
    await page.keyboard.press('Control+z');
    expect(await editorText()).toBe(before);

    await page.locator('#open-spec-input').setInputFiles({
      name: 'huge.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.alloc(600_000, 'a'),
    });
    await page
      .locator('#notice', { hasText: 'huge.yaml is 600 KB. A spec can be at most 512 KB' })
      .waitFor({ timeout: 5_000 });
    expect(await editorText()).toBe(before);

    // Back to the example: its draft is offered again. Typing on first keeps the offer, which says
    // what restoring would replace; restoring brings the draft back.
    count = await runs();
    await page.getByLabel('Start from an example').selectOption(main);
    await waitForRun(count);
    expect(await editorText()).toBe(readExample(main));
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('# typed while the offer waits');
    await page
      .locator('#offer-text', { hasText: 'Restoring it replaces what you have typed since' })
      .waitFor({ timeout: 5_000 });
    count = await runs();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await waitForRun(count);
    expect(await editorText()).toBe(before);
  });

  it('copies a link that carries the spec in its fragment, and the link opens it', async () => {
    await context?.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.locator('#notice', { hasText: /Copied a link|Copy the link/ }).waitFor({ timeout: 5_000 });
    const link = await page.locator('#share-link').inputValue();
    expect(link).toMatch(new RegExp(`^${origin}/#spec=[A-Za-z0-9_-]+&file=${main.replace('.', '\\.')}$`));
    expect(await textOf(page.locator('#share-hint'))).toContain('nothing is uploaded');
    await shot('05c-copy-link');

    const other = await context?.newPage();
    if (!other) throw new Error('No second page');
    const seen: string[] = [];
    other.on('request', (request) => seen.push(request.url()));
    try {
      await other.goto(link);
      await other.waitForSelector('#preview-region[data-runs]', { timeout: 30_000 });
      await other.locator('#offer-text', { hasText: 'This link holds a spec' }).waitFor({ timeout: 10_000 });
      await other.getByRole('button', { name: 'Open it' }).click();
      await other
        .frameLocator('#preview')
        .locator('.tk-title', { hasText: 'Housing and Repairs Service' })
        .waitFor({ timeout: 10_000 });
      expect(
        await other.evaluate(() => (window as unknown as { tenderDemo: { text: string } }).tenderDemo.text),
      ).toBe(await editorText());
      // The address loses the spec once it is open, so a reload does not ask again.
      expect(new URL(other.url()).hash).toBe('');
      // The spec never went to the server: no request carried any of it.
      expect(seen.filter((url) => url.includes('spec='))).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('keeps editing when the browser refuses to store anything, and says so quietly', async () => {
    const other = await context?.newPage();
    if (!other) throw new Error('No second page');
    try {
      await other.addInitScript(() => {
        Storage.prototype.setItem = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      });
      await other.goto(`${origin}/`);
      await other.waitForSelector('#preview-region[data-runs]', { timeout: 30_000 });
      const first = parse(readExample(exampleFiles[0] as string)).tender.title as string;
      const line = other.locator('.cm-line', { hasText: `title: ${first}` }).first();
      await line.click();
      await other.keyboard.press('End');
      await other.keyboard.type(' Two');
      await other
        .locator('#storage-notice', { hasText: 'not keeping a copy of your work' })
        .waitFor({ timeout: 10_000 });
      await other
        .frameLocator('#preview')
        .locator('.tk-title', { hasText: `${first} Two` })
        .waitFor({ timeout: 10_000 });
    } finally {
      await other.close();
    }
  });

  it('offers suggestions from the spec schema', async () => {
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('incl');
    const option = page.locator('.cm-tooltip-autocomplete li', { hasText: 'include' });
    await option.first().waitFor({ timeout: 5_000 });
    await shot('06-autocomplete');
    await page.keyboard.press('Escape');
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('Backspace');
  });

  it(`measures the preview update for the largest example (${largest})`, async () => {
    const before = await runs();
    await page.getByLabel('Start from an example').selectOption(largest);
    await waitForRun(before);
    expect(await previewState()).toBe('current');
    const times: number[] = [];
    const totals: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      await page.evaluate(() =>
        (window as unknown as { tenderDemo: { update(): Promise<void> } }).tenderDemo.update(),
      );
      times.push(Number(await page.locator('#preview-region').getAttribute('data-update-ms')));
      totals.push(Number(await page.locator('#preview-region').getAttribute('data-total-ms')));
    }
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    console.log(
      `[perf] ${largest} (${statSync(join(examplesDir, largest)).size} bytes): validate + render median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}); with the preview redraw median ${median(totals).toFixed(1)} ms`,
    );
    expect(median(times)).toBeLessThan(1_000);

    // What the officer waits for: from a key press in the editor to the frame with the new
    // preview painted (performance marks in the page). Recorded, not asserted: timings
    // depend on the machine.
    const title = parse(readExample(largest)).tender.title as string;
    await cursorToEndOf(`title: ${title}`);
    const keystrokes: number[] = [];
    const builds: number[] = [];
    const redraws: number[] = [];
    for (const key of [
      'X',
      'Y',
      'Z',
      'W',
      'V',
      'Backspace',
      'Backspace',
      'Backspace',
      'Backspace',
      'Backspace',
    ]) {
      await page.evaluate(() => {
        delete (document.querySelector('#preview-region') as HTMLElement).dataset.keystrokeMs;
      });
      await page.keyboard.press(key);
      await page.waitForSelector('#preview-region[data-keystroke-ms]', { timeout: 15_000 });
      const region = page.locator('#preview-region');
      keystrokes.push(Number(await region.getAttribute('data-keystroke-ms')));
      builds.push(Number(await region.getAttribute('data-update-ms')));
      redraws.push(
        Number(await region.getAttribute('data-total-ms')) -
          Number(await region.getAttribute('data-update-ms')),
      );
    }
    expect(await editorText()).toBe(readExample(largest));
    const measures = await page.evaluate(
      () => performance.getEntriesByName('tender:keystroke-to-preview', 'measure').length,
    );
    expect(measures).toBeGreaterThanOrEqual(keystrokes.length);
    console.log(
      `[perf] keystroke to preview painted, ${largest}: median ${median(keystrokes).toFixed(1)} ms (min ${Math.min(...keystrokes).toFixed(1)}, max ${Math.max(...keystrokes).toFixed(1)}, ${keystrokes.length} keystrokes); of which validate + render median ${median(builds).toFixed(1)} ms, preview update median ${median(redraws).toFixed(1)} ms, the rest waiting for the main thread and the paint`,
    );
  });

  it('stays responsive with pathological Markdown pasted into the background (issue 21)', async () => {
    // 30,000 "*_" pairs: the case that took 58 s to validate with the old Markdown parser.
    const spec = [
      'tender:',
      '  title: Library management system',
      '  reference: LBX-001',
      '  authority: { name: London Borough of Example, shortName: the Council }',
      '  procedure: open',
      '  estimatedValue: { amount: 250000 }',
      '  contract: { lengthMonths: 24 }',
      `  background: "${'*_'.repeat(30_000)}"`,
      'timetable:',
      '  - { kind: publication, date: 2027-01-04 }',
      '  - { kind: clarification-deadline, date: 2027-01-18T12:00 }',
      '  - { kind: submission-deadline, date: 2027-02-01T12:00 }',
      'evaluation:',
      '  criteria: [{ name: Quality, weight: 60 }, { name: Price, weight: 40 }]',
      'document: { issueDate: 2027-01-04 }',
      '',
    ].join('\n');
    const elapsed = await page.evaluate(async (text) => {
      const demo = (
        window as unknown as { tenderDemo: { setText(t: string): void; update(): Promise<void> } }
      ).tenderDemo;
      const started = performance.now();
      demo.setText(text);
      await demo.update();
      return performance.now() - started;
    }, spec);
    console.log(
      `[perf] pathological Markdown (${spec.length} bytes): input to preview ${elapsed.toFixed(0)} ms`,
    );
    // A loose budget (10 times the 1 s the issue asks for): a super-linear parser takes minutes.
    expect(elapsed).toBeLessThan(10_000);
    expect(await previewState()).toBe('current');
  }, 120_000);

  it('downloads the same .docx bytes as `tender build`', async () => {
    if (!existsSync(cliBin))
      throw new Error(
        `The CLI is not built (${cliBin}): run \`npx turbo run build --filter=@loti/tender-cli\`.`,
      );
    const before = await runs();
    await page.getByLabel('Start from an example').selectOption(main);
    await waitForRun(before);
    expect(await editorText()).toBe(readExample(main));

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Download .docx' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(main.replace(/\.yaml$/, '.docx'));
    const path = await download.path();
    const browserBytes = readFileSync(path);
    await page.locator('#notice', { hasText: 'Downloaded' }).waitFor({ timeout: 10_000 });

    const outDir = mkdtempSync(join(tmpdir(), 'loti-demo-cli-'));
    try {
      await run(
        process.execPath,
        [cliBin, 'build', join(examplesDir, main), '-o', outDir, '--format', 'docx'],
        { cwd: repoDir, timeout: 120_000 },
      );
      const cliBytes = readFileSync(join(outDir, main.replace(/\.yaml$/, '.docx')));
      expect(browserBytes.subarray(0, 2).toString()).toBe('PK');
      expect(sha256(browserBytes)).toBe(sha256(cliBytes));
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
    await shot('07-downloaded');
  }, 180_000);

  it('downloads the tender pack as a .zip of the same bytes as `tender build --pack`', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('button', { name: 'Download the pack' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(main.replace(/\.yaml$/, '-tender-pack.zip'));
    const zip = new Uint8Array(readFileSync(await download.path()));
    await page.locator('#notice', { hasText: 'Downloaded' }).waitFor({ timeout: 10_000 });
    const browserFiles = unzipPack(zip);

    const outDir = mkdtempSync(join(tmpdir(), 'loti-demo-cli-pack-'));
    try {
      await run(process.execPath, [cliBin, 'build', join(examplesDir, main), '-o', outDir, '--pack'], {
        cwd: repoDir,
        timeout: 180_000,
      });
      const folder = join(outDir, main.replace(/\.yaml$/, ''));
      const cliNames = readdirSync(folder).sort();
      expect(cliNames).toHaveLength(7);
      expect(browserFiles.map((file) => file.fileName).sort()).toEqual(cliNames);
      for (const file of browserFiles)
        expect(sha256(file.bytes), file.fileName).toBe(sha256(readFileSync(join(folder, file.fileName))));
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 300_000);

  it('downloads the same .odt bytes as `tender build --format odt`', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Download .odt' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(main.replace(/\.yaml$/, '.odt'));
    const browserBytes = readFileSync(await download.path());
    const outDir = mkdtempSync(join(tmpdir(), 'loti-demo-cli-'));
    try {
      await run(
        process.execPath,
        [cliBin, 'build', join(examplesDir, main), '-o', outDir, '--format', 'odt'],
        { cwd: repoDir, timeout: 120_000 },
      );
      const cliBytes = readFileSync(join(outDir, main.replace(/\.yaml$/, '.odt')));
      expect(browserBytes.subarray(30, 38).toString()).toBe('mimetype');
      expect(sha256(browserBytes)).toBe(sha256(cliBytes));
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('shows clause wording with the values of this tender, and lists key facts and profiles', async () => {
    const text = await editorText();
    const built = await buildSpecText(text, main, allExampleFiles);
    const spec = built.spec;
    if (!built.document || !spec) throw new Error(`${main} does not build`);
    // A clause in the document whose wording takes a default value the spec does not override.
    const inDocument = built.document.manifest.clauses.map((entry) => entry.id);
    const candidates = ['apis/delta-extracts', ...inDocument];
    let chosen: { id: string; title: string; name: string; value: string } | undefined;
    for (const id of candidates) {
      const clause = catalog.get(id);
      if (!clause || !inDocument.includes(id)) continue;
      const name = clause.placeholders.find(
        (candidate) =>
          clause.variables[candidate]?.default !== undefined && spec.variables[candidate] === undefined,
      );
      if (name) {
        chosen = { id, title: clause.title, name, value: String(clause.variables[name]?.default) };
        break;
      }
    }
    if (!chosen) throw new Error('No clause in the document takes a default value');
    await page.getByLabel('Search by words').fill('');
    await page.getByLabel('Topic').selectOption('');
    await page.locator(`#clause-results button[data-clause-id="${chosen.id}"]`).click();
    const wording = page.locator('#clause-detail .clause-wording');
    await wording
      .locator('.clause-wording__source', { hasText: 'As it reads in this tender' })
      .waitFor({ timeout: 5_000 });
    const shown = await textOf(wording);
    expect(shown).toContain(chosen.value);
    expect(shown).not.toContain(`{{${chosen.name}}}`);
    expect(shown).not.toContain('{{');
    await wording.scrollIntoViewIfNeeded();
    await shot('07a-clause-wording-filled');

    const facts = page.locator('#facts-list');
    await facts.locator('summary').click();
    const factRows = facts.locator('[data-fact]');
    expect(await factRows.count()).toBe(Object.keys(TENDER_FACTS).length);
    for (const [name, description] of Object.entries(TENDER_FACTS)) {
      const row = facts.locator(`[data-fact="${name}"]`);
      expect(await textOf(row)).toContain(description);
      expect(await row.locator('.tag').count(), name).toBe(
        (spec.tender.facts as Record<string, boolean | undefined>)[name] === true ? 1 : 0,
      );
    }
    const profiles = page.locator('#profiles-list');
    await profiles.locator('summary').click();
    expect(await profiles.locator('[data-profile]').count()).toBe(catalog.profiles().length);
    for (const profile of catalog.profiles()) {
      const row = profiles.locator(`[data-profile="${profile.id}"]`);
      expect(await textOf(row)).toContain(profile.description);
      expect(await row.locator('.tag').count(), profile.id).toBe(
        spec.clauses.profiles.includes(profile.id) ? 1 : 0,
      );
    }
    await profiles.scrollIntoViewIfNeeded();
    await shot('07b-facts-profiles');
  });

  it('searches the clause library and adds a clause to the spec and the preview', async () => {
    // A clause this spec does not have that builds cleanly once added, chosen from the live library.
    const text = await editorText();
    const built = await buildSpecText(text, main, allExampleFiles);
    const inDocument = new Set(built.document?.manifest.clauses.map((entry) => entry.id));
    let chosen: { id: string; title: string; topic: string; number: string } | undefined;
    for (const clause of catalog.list({ status: 'stable' })) {
      if (inDocument.has(clause.id)) continue;
      const added = addClauseToSpec(text, clause.id, `^${clause.version.split('.')[0]}`);
      if (!added.ok) continue;
      const result = await buildSpecText(added.text, main, allExampleFiles);
      const entry = result.document?.manifest.clauses.find((candidate) => candidate.id === clause.id);
      if (result.errors.length === 0 && entry) {
        chosen = { id: clause.id, title: clause.title, topic: clause.topic, number: entry.number };
        break;
      }
    }
    if (!chosen) throw new Error('No clause in the library can be added to the example cleanly');

    const library = page.locator('#clause-results');
    await page.getByLabel('Search by words').fill(chosen.title.split(/\s+/).slice(0, 3).join(' '));
    await page.getByLabel('Topic').selectOption(chosen.topic);
    const result = library.locator(`button[data-clause-id="${chosen.id}"]`);
    await result.waitFor({ timeout: 5_000 });
    expect(await textOf(page.locator('#clause-count'))).toMatch(/clauses? found/);
    await result.click();

    // The detail is drawn after the click's handler runs; wait for it rather than read it at once.
    const detail = page.locator('#clause-detail');
    const title = chosen.title;
    await expect.poll(() => textOf(detail.locator('h3')), { timeout: 5_000 }).toBe(title);
    for (const heading of [
      'Wording',
      'Guidance for officers',
      'Variables',
      'References',
      'Versions and changes',
    ]) {
      expect(await detail.getByRole('heading', { name: heading }).count()).toBe(1);
    }
    const changelog = catalog.changelog(chosen.id);
    expect(await textOf(detail)).toContain(changelog[0]?.changes ?? '');
    const referenceIds = catalog.get(chosen.id)?.references ?? [];
    for (const id of referenceIds) {
      const reference = catalog.reference(id);
      if (reference)
        expect(await detail.getByRole('link', { name: reference.title }).first().getAttribute('href')).toBe(
          reference.url,
        );
    }
    // Not in the document yet: shown as it would read once added, built with this spec's values.
    await detail
      .locator('.clause-wording__source', { hasText: 'As it would read in this tender once added' })
      .waitFor({ timeout: 10_000 });
    expect(await textOf(detail.locator('.clause-wording'))).not.toContain('{{');
    await detail.locator('#clause-detail-heading').scrollIntoViewIfNeeded();
    await shot('08-clause-detail');

    const before = await runs();
    await detail.getByRole('button', { name: /^Add to spec/ }).click();
    await waitForRun(before);
    const after = await editorText();
    expect(after).toContain(chosen.id);
    expect(
      parse(after).clauses.include.map((entry: string | { id: string }) =>
        typeof entry === 'string' ? entry.split('@')[0] : entry.id,
      ),
    ).toContain(chosen.id);
    await page.frameLocator('#preview').locator(`text=${chosen.title}`).first().waitFor({ timeout: 10_000 });
    await page.locator('#notice', { hasText: `clause ${chosen.number}` }).waitFor({ timeout: 10_000 });
    expect(await textOf(detail)).toContain('already listed under clauses.include');
    await page.locator('#spec-heading').scrollIntoViewIfNeeded();
    await shot('09-clause-added');
  });

  it('is keyboard usable: skip link first, landmarks and labelled controls', async () => {
    // A fresh load, so Tab starts from the top of the page.
    await page.goto(`${origin}/`);
    await page.waitForSelector('#preview-region[data-runs]', { timeout: 30_000 });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await shot('10-skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    for (const role of ['banner', 'main', 'contentinfo', 'navigation', 'search'] as const) {
      expect(await page.getByRole(role).count(), role).toBeGreaterThan(0);
    }
    for (const label of ['Start from an example', 'Search by words', 'Topic', 'Tag', 'Tender spec (YAML)']) {
      expect(await page.getByLabel(label, { exact: true }).count(), label).toBe(1);
    }
    expect(await page.getByRole('status').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('iframe#preview').getAttribute('title')).toBe('Tender document preview');
  });

  it('reaches the download button from the editor in at most 5 Tabs; the preview is one tab stop with a skip link', async () => {
    const active = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return element?.id || element?.className || element?.tagName || '';
      });
    await page.locator('.cm-content').click();
    let presses = 0;
    while (presses < 10 && (await active()) !== 'download') {
      await page.keyboard.press('Tab');
      presses += 1;
    }
    console.log(`[a11y] Tab presses from the editor to Download .docx: ${presses}`);
    expect(await active()).toBe('download');
    expect(presses).toBeLessThanOrEqual(5);

    // On past the other downloads to the skip link, visible when focused.
    const order: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      await page.keyboard.press('Tab');
      order.push(await active());
    }
    expect(order).toEqual(['download-odt', 'download-pack', 'skip-preview', 'preview', 'clause-search-text']);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await active()).toBe('skip-preview');
    const box = await page.locator('#skip-preview').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(50);
    await shot('10a-skip-preview');
    // Nothing inside the preview is in the tab order but the frame itself.
    const focusable = await page
      .frameLocator('#preview')
      .locator('a[href]:not([tabindex="-1"]), button:not([tabindex="-1"]), [tabindex="0"]')
      .count();
    expect(focusable).toBe(1);
    await page.keyboard.press('Enter');
    expect(await active()).toBe('library-heading');
  });

  it('forbids eval through its Content Security Policy', async () => {
    // From a timer, so the page's policy applies (DevTools' own evaluation is exempt).
    const result = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          setTimeout(() => {
            try {
              resolve(String(new Function('return "evaluated"')()));
            } catch (error) {
              resolve((error as Error).name);
            }
          }, 0);
        }),
    );
    expect(result).toBe('EvalError');
    // The violation is expected here; it must be the only one.
    const violations = problems.filter((problem) => /unsafe-eval|Content Security Policy/.test(problem));
    expect(violations.length).toBeLessThanOrEqual(1);
    problems.splice(0, problems.length, ...problems.filter((problem) => !violations.includes(problem)));
  });

  it('makes no requests beyond its own static files, and logs no errors', () => {
    const outside = requests.filter(
      (url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'),
    );
    expect(outside).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
