import { parse } from 'yaml';

/**
 * The specs in examples/ are bundled at build time, with every file they might include or
 * point to (shared YAML, logos), so the app works from static files with no requests.
 */
const yamlFiles = import.meta.glob<string>('../../../examples/**/*.{yaml,yml}', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const imageFiles = import.meta.glob<string>('../../../examples/**/*.{png,jpg,jpeg}', {
  query: '?inline',
  import: 'default',
  eager: true,
});

const PREFIX = '../../../examples/';

export interface Example {
  /** The path inside examples/, e.g. `housing-management-system.yaml`: the spec's file name in issues. */
  readonly file: string;
  readonly title: string;
  readonly text: string;
  /** Specs in examples/broken/ have a deliberate mistake, to show the checks. */
  readonly broken: boolean;
}

function dataUrlBytes(url: string): Uint8Array {
  const base64 = url.slice(url.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function titleOf(text: string, file: string): string {
  try {
    const value: unknown = parse(text);
    const tender = (value as { tender?: { title?: unknown } } | null)?.tender;
    if (typeof tender?.title === 'string' && tender.title.trim()) return tender.title.trim();
  } catch {
    // An example that does not parse still gets listed, under its file name.
  }
  return file.replace(/\.ya?ml$/, '');
}

/** Every file under examples/, keyed by its path inside examples/, for the spec reader. */
export const EXAMPLE_FILES: Readonly<Record<string, string | Uint8Array>> = Object.fromEntries([
  ...Object.entries(yamlFiles).map(([path, text]) => [path.slice(PREFIX.length), text] as const),
  ...Object.entries(imageFiles).map(([path, url]) => [path.slice(PREFIX.length), dataUrlBytes(url)] as const),
]);

/**
 * The specs at the top of examples/, then those in examples/broken/, each in file name order.
 * Other sub-folders (shared/) hold files that specs include, not specs.
 */
export const EXAMPLES: readonly Example[] = Object.entries(yamlFiles)
  .map(([path, text]) => ({ file: path.slice(PREFIX.length), text }))
  .filter((example) => !example.file.includes('/') || /^broken\/[^/]+$/.test(example.file))
  .map((example) => ({
    ...example,
    broken: example.file.startsWith('broken/'),
    title: titleOf(example.text, example.file),
  }))
  .sort((a, b) => Number(a.broken) - Number(b.broken) || a.file.localeCompare(b.file));

/** The name `tender build` gives the output: the spec's base name with .docx. */
export function docxFileName(specFile: string): string {
  return outputFileName(specFile, '.docx');
}

/** The name `tender build` gives a spec's output with this extension. */
export function outputFileName(specFile: string, extension: string): string {
  const base = specFile.slice(specFile.lastIndexOf('/') + 1);
  return `${base.replace(/\.ya?ml$/i, '')}${extension}`;
}

/** The pack download's name: housing.yaml → housing-tender-pack.zip. */
export function packFileName(specFile: string): string {
  return docxFileName(specFile).replace(/\.docx$/, '-tender-pack.zip');
}
