import { defineConfig } from 'drizzle-kit';

// drizzle-kit only diffs the schema files into SQL migrations here; migrations are applied
// from code at start-up (src/db/migrate.ts) because drizzle-kit cannot load PGlite extensions.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/modules/*/*.schema.ts',
  out: './drizzle',
});
