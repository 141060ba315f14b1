export type { OcdsDocumentFile, OcdsOptions } from './ocds.js';
export { DEFAULT_OCID_PREFIX, MEDIA_TYPES, PROCUREMENT_METHOD, renderOcds, toOcdsRelease } from './ocds.js';
export { REGISTER_COLUMNS, registerRow, renderRegisterCsv } from './register-csv.js';
