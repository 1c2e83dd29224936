import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

// The generated resolver types and typed client are committed: they must be what
// codegen.yml makes of the committed schema and operations (`npm run codegen` after a change).

const ROOT = path.join(__dirname, '..');

/** Runs GraphQL Code Generator on codegen.yml without writing; in its own Node (its CLI is partly ESM, which jest cannot load). */
const GENERATE = `
const { generate, loadCodegenConfig } = require('@graphql-codegen/cli');
loadCodegenConfig({ configFilePath: 'codegen.yml' })
  .then(({ config }) => generate({ ...config, cwd: process.cwd(), silent: true }, false))
  .then((outputs) => process.stdout.write(JSON.stringify(outputs.map((o) => ({ filename: o.filename, content: o.content })))));
`;

it('the generated files are what codegen.yml makes of the committed schema and operations', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', GENERATE], { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 });
  const outputs = JSON.parse(stdout) as { filename: string; content: string }[];
  const files = outputs.map((o) => path.relative(ROOT, path.resolve(ROOT, o.filename)));
  expect(files.sort()).toEqual(['client/generated/graphql.ts', 'resolvers/generated/graphql.ts']);
  for (const output of outputs) {
    const file = path.relative(ROOT, path.resolve(ROOT, output.filename));
    // The file name in front makes a failure say which file drifted.
    expect(`${file}\n${fs.readFileSync(path.join(ROOT, file), 'utf8')}`).toBe(`${file}\n${output.content}`);
  }
});
