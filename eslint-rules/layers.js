// Layering by allow-list (DESIGN.md §3): every linted file belongs to one layer, and each layer
// lists the project folders and the npm packages it may import. Anything else is reported:
// static imports, `export … from`, dynamic `import()`, `require()`, `import x = require()`,
// TypeScript `import('x')` type queries and `/// <reference types>` directives alike.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));
const EXTENSION = /\.(d\.ts|ts|tsx|js|mjs|cjs|json)$/;

/** 'a/b/' is a folder and matches everything under it; 'a/b.ts' is one file (with or without its extension). */
function matchesEntry(relPath, entry) {
  if (entry.endsWith('/')) return relPath.startsWith(entry) || relPath === entry.slice(0, -1);
  return relPath.replace(EXTENSION, '') === entry.replace(EXTENSION, '');
}

/** 'react-dom/client' → 'react-dom', '@playwright/test' → '@playwright/test'. */
function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** May a layer import this package under these entries? 'node:*' allows every node: built-in. */
function packageAllowed(entries, specifier) {
  if (specifier.startsWith('node:')) return entries.includes('node:*') || entries.includes(packageOf(specifier));
  return entries.includes(packageOf(specifier));
}

const layerSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    files: { type: 'array', items: { type: 'string' } },
    folders: { type: 'array', items: { type: 'string' } },
    packages: { type: 'array', items: { type: 'string' } },
    typesFrom: { type: 'array', items: { type: 'string' } },
  },
  required: ['name', 'files', 'folders', 'packages'],
  additionalProperties: false,
};

/** @type {import('eslint').Rule.RuleModule} */
const allowList = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only the project folders and npm packages on its allow-list.' },
    schema: [{ type: 'object', properties: { layers: { type: 'array', items: layerSchema } }, required: ['layers'], additionalProperties: false }],
    messages: {
      noLayer: "'{{file}}' belongs to no layer: add it to a layer's files in eslint.config.js.",
      folder: "Layer '{{layer}}' may not import '{{specifier}}' (project path {{target}}); it may import {{allowed}}.",
      package: "Layer '{{layer}}' may not import the package '{{specifier}}'; it may import {{allowed}}.",
      builtin: "Layer '{{layer}}' may not import the Node built-in '{{specifier}}': it runs without Node.",
      bareBuiltin: "Import the Node built-in '{{specifier}}' as 'node:{{specifier}}' (layer '{{layer}}').",
      typesOnly: "Layer '{{layer}}' may import '{{specifier}}' for its types only: use `import type`.",
    },
  },
  create(context) {
    const { layers } = context.options[0];
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    if (file.startsWith('..') || path.isAbsolute(file)) return {};
    const layer = layers.find((l) => l.files.some((entry) => matchesEntry(file, entry)));
    if (!layer) {
      return { Program: (node) => context.report({ node, messageId: 'noLayer', data: { file } }) };
    }
    const typesFrom = layer.typesFrom ?? [];
    const allowed = [...layer.folders, ...layer.packages, ...typesFrom.map((t) => `${t} (types)`)].join(', ') || 'nothing';

    function check(where, specifier, typeOnly) {
      const data = { layer: layer.name, specifier, allowed };
      const report = (messageId, extra = {}) => context.report({ ...where, messageId, data: { ...data, ...extra } });
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = path.relative(root, path.resolve(path.dirname(context.filename), specifier)).split(path.sep).join('/');
        if (layer.folders.some((entry) => matchesEntry(target, entry))) return;
        if (typesFrom.some((entry) => matchesEntry(target, entry))) {
          if (!typeOnly) report('typesOnly');
          return;
        }
        report('folder', { target });
        return;
      }
      const name = packageOf(specifier);
      if (!specifier.startsWith('node:') && NODE_BUILTINS.has(name)) {
        const nodeAllowed = packageAllowed(layer.packages, `node:${specifier}`);
        report(nodeAllowed ? 'bareBuiltin' : 'builtin');
        return;
      }
      if (packageAllowed(layer.packages, specifier)) return;
      if (packageAllowed(typesFrom, specifier)) {
        if (!typeOnly) report('typesOnly');
        return;
      }
      report(specifier.startsWith('node:') ? 'builtin' : 'package');
    }

    /** The specifier of a string literal or a template literal without expressions; null if computed. */
    function literal(node) {
      if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
      if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
      return null;
    }

    function checkLiteral(node, source, typeOnly) {
      const specifier = literal(source);
      if (specifier !== null) check({ node }, specifier, typeOnly);
    }

    const allSpecifiersTypes = (node) => node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');

    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const reference = comment.type === 'Line' && /^\/\s*<reference\s+types\s*=\s*["']([^"']+)["']/.exec(comment.value);
          if (reference) check({ loc: comment.loc }, reference[1] === 'node' ? 'node:*' : reference[1], true);
        }
      },
      ImportDeclaration: (node) => checkLiteral(node, node.source, node.importKind === 'type' || allSpecifiersTypes(node)),
      ExportNamedDeclaration: (node) => node.source && checkLiteral(node, node.source, node.exportKind === 'type' || allSpecifiersTypes(node)),
      ExportAllDeclaration: (node) => checkLiteral(node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) => checkLiteral(node, node.source, false),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length > 0) checkLiteral(node, node.arguments[0], false);
      },
      TSImportEqualsDeclaration(node) {
        if (node.moduleReference.type === 'TSExternalModuleReference') checkLiteral(node, node.moduleReference.expression, node.importKind === 'type');
      },
      TSImportType(node) {
        // `source` since typescript-eslint 8.x; `argument` (a TSLiteralType) before it
        const source = 'source' in node ? node.source : node.argument;
        checkLiteral(node, source?.type === 'TSLiteralType' ? source.literal : source, true);
      },
    };
  },
};

export default { meta: { name: 'layers' }, rules: { 'allow-list': allowList } };
