import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/feed/**/*.test.ts', 'test/unit/**/*.test.ts'],
        },
      },
    ],
  },
});
