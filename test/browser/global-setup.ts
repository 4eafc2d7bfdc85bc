import type { TestProject } from 'vitest/node';
import { serverFeed } from '../fixtures.js';
import { startFaultServer } from '../server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    faultServer: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startFaultServer({ feed: serverFeed() });
  project.provide('faultServer', server.url);
  return () => server.close();
}
