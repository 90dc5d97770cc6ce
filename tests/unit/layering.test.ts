/**
 * The layering of DESIGN.md §3, checked twice: the allow-list lint rule (eslint-rules/layers.js,
 * configured in eslint.config.js) rejects each import a layer may not make; the renderer's and
 * shared's tsconfigs load no Node types, so `fs` and `process` do not type-check there, and
 * no-node-types.ts makes tsc fail if a package's types bring Node's in.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The allow-list rule's messages for a snippet linted as if it were the file at `filePath`. */
async function layerMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
  if (!result) throw new Error(`no lint result for ${filePath}`);
  return result.messages.filter((m) => m.ruleId === 'layers/allow-list').map((m) => m.message);
}

describe('the allow-list rejects imports outside a layer', () => {
  const leaks: { name: string; file: string; code: string; message: string }[] = [
    // the examples
    { name: "import('electron') type query in services", file: 'electron/services/x.ts', code: "export type W = import('electron').BrowserWindow;", message: "Layer 'electron/services' may not import the package 'electron'" },
    { name: 'dynamic import() of electron in services', file: 'electron/services/x.ts', code: "export const load = () => import('electron');", message: "Layer 'electron/services' may not import the package 'electron'" },
    { name: 'require() of electron-store in services', file: 'electron/services/x.ts', code: "export const Store: unknown = require('electron-store');", message: "may not import the package 'electron-store'" },
    { name: 'better-sqlite3 in the renderer', file: 'renderer/src/x.ts', code: "import Database from 'better-sqlite3';\nexport const db = new Database(':memory:');", message: "Layer 'renderer' may not import the package 'better-sqlite3'" },
    { name: 'ws in the renderer', file: 'renderer/src/x.tsx', code: "import { WebSocket } from 'ws';\nexport const ws = new WebSocket('ws://127.0.0.1');", message: "Layer 'renderer' may not import the package 'ws'" },
    { name: 'bare fs in shared', file: 'shared/domain/x.ts', code: "import { readFileSync } from 'fs';\nexport const read = readFileSync;", message: "Layer 'shared' may not import the Node built-in 'fs'" },
    { name: 'bare crypto in shared', file: 'shared/x.ts', code: "import { randomUUID } from 'crypto';\nexport const id = randomUUID;", message: "Layer 'shared' may not import the Node built-in 'crypto'" },
    // the other ways in
    { name: 'node:crypto in shared', file: 'shared/x.ts', code: "import { randomUUID } from 'node:crypto';\nexport const id = randomUUID;", message: "Layer 'shared' may not import the Node built-in 'node:crypto'" },
    { name: 'Node types by reference in shared', file: 'shared/x.ts', code: '/// <reference types="node" />\nexport const x = 1;', message: "Layer 'shared' may not import the Node built-in" },
    { name: 'react in shared', file: 'shared/x.ts', code: "import { useState } from 'react';\nexport const s = useState;", message: "Layer 'shared' may not import the package 'react'" },
    { name: 'renderer code from shared', file: 'shared/api/x.ts', code: "export { api } from '../../renderer/src/api';", message: "Layer 'shared' may not import '../../renderer/src/api' (project path renderer/src/api)" },
    { name: 'services types in the renderer', file: 'renderer/src/x.ts', code: "import type { Core } from '../../electron/services/core/core';\nexport type C = Core;", message: "Layer 'renderer' may not import '../../electron/services/core/core'" },
    { name: 'export * from ws in the renderer', file: 'renderer/src/x.ts', code: "export * from 'ws';", message: "Layer 'renderer' may not import the package 'ws'" },
    { name: 'the host from services', file: 'electron/services/x.ts', code: "import { startHost } from '../host/server';\nexport const s = startHost;", message: "Layer 'electron/services' may not import '../host/server'" },
    { name: 'bare fs in services', file: 'electron/services/x.ts', code: "import { readFileSync } from 'fs';\nexport const read = readFileSync;", message: "Import the Node built-in 'fs' as 'node:fs'" },
    { name: 'main from the host', file: 'electron/host/x.ts', code: "import '../main/index';", message: "Layer 'electron/host' may not import '../main/index'" },
    { name: 'electron in the host', file: 'electron/host/x.ts', code: "import { app } from 'electron';\nexport const a = app;", message: "Layer 'electron/host' may not import the package 'electron'" },
    { name: 'contract values in the preload', file: 'electron/preload/x.ts', code: "import { METHODS } from '../../shared/contract';\nexport const m = METHODS;", message: "Layer 'electron/preload' may import '../../shared/contract' for its types only" },
    { name: 'electron/ from the hall', file: 'hall/x.ts', code: "import { createCore } from '../electron/services/core/core';\nexport const c = createCore;", message: "Layer 'hall' may not import '../electron/services/core/core'" },
    { name: 'renderer/ from the hall', file: 'hall/x.ts', code: "export { App } from '../renderer/src/App';", message: "Layer 'hall' may not import '../renderer/src/App'" },
    { name: 'electron in the hall', file: 'hall/x.ts', code: "import electron from 'electron';\nexport const e = electron;", message: "Layer 'hall' may not import the package 'electron'" },
    { name: 'the hall server from a hall page', file: 'hall-web/src/x.ts', code: "export { board } from '../../hall/console/board';", message: "Layer 'hall-web' may not import '../../hall/console/board'" },
    { name: 'the renderer API from a hall page', file: 'hall-web/src/x.ts', code: "export { createApi } from '../../renderer/src/api';", message: "Layer 'hall-web' may not import '../../renderer/src/api'" },
    { name: 'a file under no layer', file: 'misc/x.ts', code: 'export const x = 1;', message: "'misc/x.ts' belongs to no layer" },
  ];

  it.each(leaks)('$name', async ({ file, code, message }) => {
    const messages = await layerMessages(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(message);
  });
});

describe('the allow-list passes what a layer may import', () => {
  const allowed: { layer: string; file: string; code: string }[] = [
    { layer: 'shared', file: 'shared/domain/x.ts', code: "import { z } from 'zod';\nimport { isRealDate } from './plain-date';\nimport type { Result } from '../result';\nexport const s = [z, isRealDate] as const;\nexport type R = Result<number>;" },
    {
      layer: 'renderer',
      file: 'renderer/src/x.tsx',
      code: "import { useState } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport { Chart } from 'chart.js';\nimport { z } from 'zod';\nimport type { CounterApi } from '../../shared/contract';\nimport './styles.css';\nexport const lazy = () => import('./App');\nexport const all = [useState, createRoot, Chart, z] as const;\nexport type A = CounterApi;",
    },
    {
      layer: 'electron/services',
      file: 'electron/services/x.ts',
      code: "import { readFileSync } from 'node:fs';\nimport Database from 'better-sqlite3';\nimport type { Result } from '../../shared/result';\nexport const excel = () => import('exceljs');\nexport const all = [readFileSync, Database] as const;\nexport type R = Result<number>;",
    },
    { layer: 'electron/main', file: 'electron/main/x.ts', code: "import { app } from 'electron';\nimport Store from 'electron-store';\nimport { join } from 'node:path';\nexport * from '../services/core/version';\nexport const all = [app, Store, join] as const;" },
    {
      layer: 'electron/preload',
      file: 'electron/preload/x.ts',
      code: "import { contextBridge } from 'electron';\nimport type { CounterApi } from '../../shared/contract';\nimport { IPC_CALL_CHANNEL } from '../../shared/ipc-channels';\nexport const all = [contextBridge, IPC_CALL_CHANNEL] as const;\nexport type A = CounterApi;",
    },
    { layer: 'electron/host', file: 'electron/host/x.ts', code: "import { WebSocketServer } from 'ws';\nimport { createServer } from 'node:http';\nexport { APP_VERSION } from '../services/core/version';\nexport const all = [WebSocketServer, createServer] as const;" },
    { layer: 'hall', file: 'hall/x.ts', code: "import pg from 'pg';\nimport { createServer } from 'node:net';\nimport type { Result } from '../shared/result';\nexport const all = [pg, createServer] as const;\nexport type R = Result<number>;" },
  ];

  it.each(allowed)('$layer', async ({ file, code }) => {
    expect(await layerMessages(file, code)).toEqual([]);
  });
});

describe('size limits', () => {
  it('reports a source file over 400 lines and a component over 150', async () => {
    const longFile = Array.from({ length: 401 }, (_, i) => `export const line${i} = ${i};`).join('\n');
    const [file] = await eslint.lintText(longFile, { filePath: resolve(ROOT, 'shared/domain/long.ts') });
    expect(file?.messages.map((m) => m.ruleId)).toContain('max-lines');

    const body = Array.from({ length: 150 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const component = `export function Long(): number {\n${body}\n  return v0;\n}`;
    const [tsx] = await eslint.lintText(component, { filePath: resolve(ROOT, 'renderer/src/Long.tsx') });
    expect(tsx?.messages.map((m) => m.ruleId)).toContain('max-lines-per-function');
  });
});

/** Parsed library and package files, shared by the programs below (parsing lib.dom.d.ts once is most of the time saved). */
const parsedFiles = new Map<string, ts.SourceFile | undefined>();

/** Type-checks one in-memory file, placed at `filePath` in the project, under a tsconfig's options (with its no-node-types.ts). */
function typeErrors(tsconfig: string, filePath: string, code: string): string[] {
  const configFile = resolve(ROOT, tsconfig);
  const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const { options, fileNames } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT, undefined, configFile);
  const fileName = resolve(ROOT, filePath);
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    if (name === fileName) return ts.createSourceFile(name, code, language);
    const key = `${name}:${JSON.stringify(language)}`;
    if (!parsedFiles.has(key)) parsedFiles.set(key, getSourceFile(name, language, ...rest));
    return parsedFiles.get(key);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === fileName || fileExists(name);
  const rootNames = [fileName, ...fileNames.filter((f) => f.endsWith('/no-node-types.ts'))];
  const program = ts.createProgram({ rootNames, options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('no Node types in the renderer or shared', () => {
  const layers = [
    { tsconfig: 'tsconfig.renderer.json', dir: 'renderer/src' },
    { tsconfig: 'tsconfig.shared.json', dir: 'shared' },
    { tsconfig: 'tsconfig.hall-web.json', dir: 'hall-web/src' },
  ];
  const usesNode = "import { readFileSync } from 'fs';\nexport const pid: number = process.pid;\nexport const read = readFileSync;\n";

  it.each(layers)('$tsconfig rejects fs and process', ({ tsconfig, dir }) => {
    const errors = typeErrors(tsconfig, `${dir}/leak.ts`, usesNode);
    expect(errors.some((e) => e.includes("'fs'"))).toBe(true);
    expect(errors.some((e) => e.includes("'process'"))).toBe(true);
  });

  it('the same file type-checks with Node types (the fixture is sound)', () => {
    expect(typeErrors('tsconfig.node.json', 'electron/services/leak.ts', usesNode)).toEqual([]);
  });

  it.each(layers)('$tsconfig fails when a package brings Node types in', ({ tsconfig, dir }) => {
    const errors = typeErrors(tsconfig, `${dir}/leak.ts`, "import type { WebSocket } from 'ws';\nexport type W = WebSocket;\n");
    expect(errors).toEqual([expect.stringContaining('no Node types in this layer')]);
  });
});
