import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * The contract's schema files (access.ts, units.ts, org.ts, …) build zod schemas when loaded, so one
 * runtime import of them puts all of zod in the browser bundle. The web app takes its runtime values
 * from the zod-free *-values.ts files, vn-collate.ts (and errors.ts with its errors-*.ts parts) and only types from the rest. This test keeps
 * it that way.
 */

const webSrc = import.meta.dirname;
const contractSrc = path.resolve(webSrc, '../../../packages/contract/src');

/** Contract modules the browser may load at runtime: plain data, no zod. */
function isBrowserSafe(moduleName: string): boolean {
  return moduleName.endsWith('-values') || moduleName === 'endpoint' || moduleName === 'vn-collate' || moduleName === 'errors' || moduleName.startsWith('errors-');
}

/** The contract module a specifier names ('org', 'units-values', …), or null if it is not the contract. */
function contractModule(specifier: string, fromFile: string): string | null {
  let target: string;
  if (specifier.startsWith('@contract/')) target = path.join(contractSrc, specifier.slice('@contract/'.length));
  else if (specifier.startsWith('.')) target = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  const rel = path.relative(contractSrc, target);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.replace(/\\/g, '/').replace(/\.(ts|tsx|js|mjs)$/, '');
}

/**
 * Specifiers the file loads at runtime. Only `import type` / `export type` count as erased:
 * `import { type A }` is kept as a side-effect import under verbatimModuleSyntax, so it is counted.
 */
function runtimeImports(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.importClause?.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression) &&
      !node.isTypeOnly
    ) {
      found.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      found.push(arg && ts.isStringLiteralLike(arg) ? arg.text : '<dynamic>');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** "file: specifier" for every runtime import of a contract module that may load zod. */
function offendingImports(fileName: string, source: string): string[] {
  return runtimeImports(fileName, source)
    .filter((spec) => {
      const mod = contractModule(spec, fileName);
      return mod !== null && !isBrowserSafe(mod);
    })
    .map((spec) => `${path.relative(webSrc, fileName)}: ${spec}`);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    // Tests never reach the bundle; they may use the real schemas.
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('web bundle dependencies', () => {
  it('loads no contract schema file (and so no zod) at runtime', () => {
    const files = sourceFiles(webSrc);
    expect(files.length).toBeGreaterThan(20);
    const offending = files.flatMap((f) => offendingImports(f, fs.readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });

  it('imports nothing into the browser-safe contract files, so zod cannot come in through them', () => {
    const safe = fs.readdirSync(contractSrc).filter((n) => /\.ts$/.test(n) && !n.endsWith('.test.ts') && isBrowserSafe(n.replace(/\.ts$/, '')));
    expect(safe).toEqual(expect.arrayContaining(['access-values.ts', 'units-values.ts', 'org-values.ts', 'errors.ts']));
    for (const name of safe) {
      const file = path.join(contractSrc, name);
      const imports = runtimeImports(file, fs.readFileSync(file, 'utf8'));
      // A relative import of another browser-safe file would be fine; anything else is not.
      const bad = imports.filter((spec) => {
        const mod = contractModule(spec, file);
        return mod === null || !isBrowserSafe(mod);
      });
      expect(bad, name).toEqual([]);
    }
  });

  it('tells a runtime import of a schema file from an erased or browser-safe one', () => {
    const file = path.join(webSrc, 'features/x/page.tsx');
    const check = (code: string) => offendingImports(file, code);
    expect(check("import { ROLES } from '@contract/access';")).toEqual(['features/x/page.tsx: @contract/access']);
    expect(check("import { POSITIONS, type Position } from '@contract/org';")).toHaveLength(1);
    expect(check("import { type Unit } from '@contract/units';")).toHaveLength(1);
    expect(check("import * as org from '@contract/org';")).toHaveLength(1);
    expect(check("import '@contract/org';")).toHaveLength(1);
    expect(check("export { Unit } from '@contract/units';")).toHaveLength(1);
    expect(check("const m = () => import('@contract/units');")).toHaveLength(1);
    expect(check("import { Role } from '../../../../../packages/contract/src/access';")).toHaveLength(1);
    expect(
      check(
        [
          "import type { Unit } from '@contract/units';",
          "export type { Committee } from '@contract/org';",
          "import { ROLES, type Role } from '@contract/access-values';",
          "import { ERROR_MESSAGES } from '@contract/errors';",
          "import { useState } from 'react';",
          "import { api } from '../../api';",
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});
