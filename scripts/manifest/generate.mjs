// Runs after `cem analyze`: turns custom-elements.json into editor data and framework template types, so neither
// can drift from the elements. Everything lands in dist/ (shipped, rebuilt on every build).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { frameworkTypes } from './frameworks.mjs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));

generateVsCodeCustomElementData(manifest, {
  outdir: 'dist',
  htmlFileName: 'vscode.html-custom-data.json',
  cssFileName: 'vscode.css-custom-data.json',
  hideLogs: true,
});
generateJetBrainsWebTypes(manifest, {
  outdir: 'dist',
  webTypesFileName: 'web-types.json',
  packageJson: false, // the "web-types" field is written by hand; the build must not rewrite package.json
  hideLogs: true,
});

mkdirSync('dist/types', { recursive: true });
for (const [name, declarations] of Object.entries(frameworkTypes(manifest))) {
  writeFileSync(`dist/types/${name}.d.ts`, declarations);
  // An empty module beside each declaration file, so `import 'wire-widgets/types/react.js'` resolves at run time too.
  writeFileSync(`dist/types/${name}.js`, 'export {};\n');
}
