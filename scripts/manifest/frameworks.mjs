// Template types for React 19, Preact, Vue 3 and Svelte 5, from custom-elements.json. One props interface per
// element (attributes as their unions, property-only fields, `on<event>` handlers typed with the event), shared
// by every framework file, which only says how its framework wants custom elements declared.

/** Names the DOM and TypeScript already provide; every other name in a type is imported from the package. */
const GLOBAL_TYPES = new Set(['CustomEvent', 'Event', 'HTMLElement', 'Array', 'Record', 'Date', 'Partial']);

const optional = (text) => text.replace(/\s*\|\s*undefined\b/g, '').trim();
const comment = (text, indent = '  ') =>
  text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ').trim()} */\n` : '';
const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());

function elementsOf(manifest) {
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => ({
      tagName: d.tagName,
      className: d.name,
      summary: d.summary ?? d.description ?? '',
      attributes: (d.attributes ?? []).map((a) => ({ ...a, type: optional(a.type?.text ?? 'string') })),
      // Objects go through properties: only fields with no attribute, public and writable, belong in a template.
      properties: (d.members ?? [])
        .filter((m) => m.kind === 'field' && !m.attribute && !m.static && !m.readonly && !m.privacy)
        .filter((m) => !(d.attributes ?? []).some((a) => a.fieldName === m.name))
        .map((m) => ({ ...m, type: optional(m.type?.text ?? 'unknown') })),
      events: (d.events ?? []).map((e) => ({ ...e, type: e.type?.text ?? 'CustomEvent' })),
    }));
}

function propsModule(elements) {
  const texts = elements.flatMap((e) => [
    e.className,
    ...e.attributes.map((a) => a.type),
    ...e.properties.map((p) => p.type),
    ...e.events.map((ev) => ev.type),
  ]);
  const names = [...new Set(texts.flatMap((t) => t.match(/\b[A-Z]\w*/g) ?? []))].filter(
    (n) => !GLOBAL_TYPES.has(n),
  );
  const imports = `import type { ${names.sort().join(', ')} } from '../index.js';\n`;
  const interfaces = elements.map((e) => {
    const members = [
      ...e.attributes.map((a) => `${comment(a.description)}  '${a.name}'?: ${a.type};`),
      ...e.properties.map((p) => `${comment(p.description)}  ${p.name}?: ${p.type};`),
    ];
    const handlers = e.events.map(
      (ev) => `${comment(ev.description)}  'on${ev.name}'?: (event: ${ev.type}) => void;`,
    );
    return (
      `${comment(`Attributes and properties of \`<${e.tagName}>\`.`, '')}export interface ${e.className}Props {\n${members.join('\n')}\n}\n\n` +
      `${comment(`\`on<event>\` handlers of \`<${e.tagName}>\`, each typed with its event.`, '')}export interface ${e.className}Events {\n${handlers.join('\n')}\n}\n`
    );
  });
  // Vue camel-cases what a template binds: `heading-level` is checked as `headingLevel`, `@wire-card-click` as
  // `onWireCardClick`.
  const vue = elements.map((e) => {
    const members = [
      ...e.attributes.map((a) => `${comment(a.description)}  ${camel(a.name)}?: ${a.type};`),
      ...e.properties.map((p) => `${comment(p.description)}  ${p.name}?: ${p.type};`),
      ...e.events.map(
        (ev) => `${comment(ev.description)}  ${camel(`on-${ev.name}`)}?: (event: ${ev.type}) => void;`,
      ),
    ];
    return `export interface ${e.className}VueProps {\n${members.join('\n')}\n}\n`;
  });
  const map = elements.map((e) => `  '${e.tagName}': ${e.className}Props & ${e.className}Events;`);
  return `${imports}\n${interfaces.join('\n')}\n${vue.join('\n')}\n/** Every element's template props, by tag name. */\nexport interface WireElementProps {\n${map.join('\n')}\n}\n`;
}

function frameworkModule(elements, { imports, module, namespace, entry }) {
  const tags = elements.map((e) => `${comment(e.summary, '      ')}      '${e.tagName}': ${entry(e)};`);
  const names = elements.flatMap((e) => [e.className, `${e.className}Props`, `${e.className}Events`]);
  const vueNames = elements.map((e) => `${e.className}VueProps`);
  const used = [...names, ...vueNames].filter((n) => tags.some((t) => new RegExp(`\\b${n}\\b`).test(t)));
  const classes = used.filter((n) => elements.some((e) => e.className === n));
  const from = (list, path) => (list.length ? `import type { ${list.join(', ')} } from '${path}';\n` : '');
  return (
    `${imports}${from(classes, '../index.js')}${from(
      used.filter((n) => !classes.includes(n)),
      './props.js',
    )}\n` + `declare module '${module}' {\n${namespace(tags.join('\n'))}\n}\n`
  );
}

export function frameworkTypes(manifest) {
  const elements = elementsOf(manifest);
  const own = (e) => `${e.className}Props & ${e.className}Events`;
  return {
    props: propsModule(elements),
    react: frameworkModule(elements, {
      imports: "import type { DetailedHTMLProps, HTMLAttributes } from 'react';\n",
      module: 'react',
      namespace: (body) => `  namespace JSX {\n    interface IntrinsicElements {\n${body}\n    }\n  }`,
      entry: (e) =>
        `Omit<DetailedHTMLProps<HTMLAttributes<${e.className}>, ${e.className}>, keyof ${e.className}Props> & ${own(e)}`,
    }),
    preact: frameworkModule(elements, {
      imports: "import type { HTMLAttributes } from 'preact';\n",
      module: 'preact',
      namespace: (body) => `  namespace JSX {\n    interface IntrinsicElements {\n${body}\n    }\n  }`,
      entry: (e) => `Omit<HTMLAttributes<${e.className}>, keyof ${e.className}Props> & ${own(e)}`,
    }),
    vue: frameworkModule(elements, {
      imports: "import type { DefineComponent } from 'vue';\n",
      module: 'vue',
      namespace: (body) => `  interface GlobalComponents {\n${body.replace(/^ {4}/gm, '')}\n  }`,
      entry: (e) => `DefineComponent<${e.className}VueProps>`,
    }),
    svelte: frameworkModule(elements, {
      imports: "import type { HTMLAttributes } from 'svelte/elements';\n",
      module: 'svelte/elements',
      namespace: (body) => `  interface SvelteHTMLElements {\n${body.replace(/^ {4}/gm, '')}\n  }`,
      entry: (e) => `Omit<HTMLAttributes<${e.className}>, keyof ${e.className}Props> & ${own(e)}`,
    }),
  };
}
