export { renderOdt } from './render-odt.js';
