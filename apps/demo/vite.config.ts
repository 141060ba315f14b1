import { defineConfig, type Plugin } from 'vite';

/**
 * The page may load only its own files: no eval, no remote scripts, styles or fonts.
 * Inline styles stay allowed because CodeMirror injects its theme as <style> elements.
 * Only in the build: the dev server needs a websocket and inline client code.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'loti-demo-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  // Relative asset URLs, so dist/ works from any folder or sub-path.
  base: './',
  // "@loti/source" first: workspace packages resolve to their src/, so the demo needs no package build.
  resolve: { conditions: ['@loti/source', 'module', 'browser', 'development|production'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The generator (zod, docx, the clause catalog) is one large chunk by nature.
    chunkSizeWarningLimit: 2500,
  },
  plugins: [contentSecurityPolicy()],
});
