/**
 * Read by tsconfig.renderer.json and tsconfig.shared.json only: those layers run without Node,
 * and their tsconfigs load no Node types. A package whose types say `/// <reference types="node" />`
 * (better-sqlite3, ws, pg…) would still bring them in, and `fs` and `process` would type-check.
 * This declaration clashes with @types/node's `var __dirname: string`, so tsc fails here if they do
 * (the file comes last in those tsconfigs' `include`, so the clash is reported in it, not in
 * @types/node, whose errors skipLibCheck hides).
 */
export {};

declare global {
  var __dirname: 'no Node types in this layer (see no-node-types.ts)';
}
