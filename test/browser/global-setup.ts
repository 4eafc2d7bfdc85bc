import type { TestProject } from 'vitest/node';
import { startFaultServer } from '../server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    faultServer: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startFaultServer();
  project.provide('faultServer', server.url);
  return () => server.close();
}
