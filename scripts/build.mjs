// npm run build: the standalone bundle (Vite), per-module ESM for bundler users (Vite) with types (tsc), and the
// custom elements manifest (analyzer). Each step's tool does its own work; this only runs them in order.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'vite.modules.config.ts']);
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
run('npx', ['cem', 'analyze', '--quiet']);
