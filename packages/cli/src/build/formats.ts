/** Output formats of `tender build`: json is the document model itself, for other tools. */
export const FORMATS = {
  docx: { extension: '.docx', description: 'Word document' },
  html: { extension: '.html', description: 'HTML preview' },
  md: { extension: '.md', description: 'Markdown' },
  json: { extension: '.json', description: 'the document model as JSON' },
} as const;

export type Format = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as Format[];
