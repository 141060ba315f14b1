/** Output formats of `tender build`: json is the document model itself, for other tools. */
export const FORMATS = {
  docx: { extension: '.docx', description: 'Word document' },
  html: { extension: '.html', description: 'HTML preview' },
  md: { extension: '.md', description: 'Markdown' },
  json: { extension: '.json', description: 'the document model as JSON' },
  odt: { extension: '.odt', description: 'OpenDocument text (ODF 1.3)' },
  ocds: {
    extension: '.ocds.json',
    description: 'Open Contracting Data Standard 1.1.5 release package (tender stage)',
  },
  'register-csv': {
    extension: '.register.csv',
    description: 'contracts-register row (Local Government Transparency Code 2015)',
  },
  /** --pack: a folder named after the spec holding every file of the tender pack. */
  pack: { extension: '', description: 'the tender pack, a folder of files' },
} as const;

/** An output format `tender build` writes: one of {@link FORMATS}. */
export type Format = keyof typeof FORMATS;
/** The formats --format takes; the pack has its own flag, --pack. */
export const FORMAT_NAMES = (Object.keys(FORMATS) as Format[]).filter((format) => format !== 'pack');
