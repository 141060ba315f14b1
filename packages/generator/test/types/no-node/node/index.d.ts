// Stands in for @types/node in tsconfig.core.json: docx's declarations say `/// <reference types="node" />`,
// which would otherwise bring Node's globals (process, Buffer) into the core's typecheck.
export {};
