import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * Every package the CLI's entry point imports statically, following its own files: what
 * `llmsr get` (or any command) loads before it runs. Dynamic `import()` is not followed.
 */
function staticPackageImports(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
    for (const statement of source.statements) {
      const specifier =
        (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
        statement.moduleSpecifier &&
        ts.isStringLiteral(statement.moduleSpecifier)
          ? statement.moduleSpecifier.text
          : undefined;
      if (specifier === undefined) continue;
      if (specifier.startsWith('.')) {
        visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      } else {
        packages.add(specifier);
      }
    }
  };
  visit(entry);
  return packages;
}

describe('what the CLI loads', () => {
  it('loads no server, Connect or storage code for its client commands', () => {
    const packages = staticPackageImports(resolve(SRC, 'main.ts'));
    expect(packages).toContain('@llmsr/sdk');
    for (const server of ['@llmsr/registry', '@llmsr/server', '@llmsr/connect', '@llmsr/core']) {
      expect(packages).not.toContain(server);
    }
  });

  it('reaches the servers only through @llmsr/registry, imported when serve runs', () => {
    const manifest = JSON.parse(readFileSync(resolve(SRC, '../package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).toContain('@llmsr/registry');
    expect(Object.keys(manifest.dependencies)).not.toContain('@llmsr/server');
    const serve = readFileSync(resolve(SRC, 'commands/serve-command.ts'), 'utf8');
    expect(serve).toMatch(/await import\('@llmsr\/registry'\)/);
  });
});
