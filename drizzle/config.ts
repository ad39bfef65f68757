import { defineConfig } from 'drizzle-kit'

/**
 * drizzle-kit reads this to generate the SQL migrations beside it (`npm run db:generate`). Paths are
 * relative to the repository root, where npm scripts run.
 */
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema.ts',
  out: './drizzle',
})
