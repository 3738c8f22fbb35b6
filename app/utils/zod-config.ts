import type { config } from 'zod'

// zod compiles object parsers with `new Function` (and probes for it), which the CSP's script-src
// refuses in the browser, logging a violation. Interpreted parsing gives the same results.
// Imported first by app/root.tsx. It writes the global object zod's `config()` keeps its settings
// in, instead of calling `config()`: importing zod here would put zod's core in the chunk every
// page loads, forms or not (about 26 KB gzip). zod-config.test.ts checks zod reads it.
type ZodSettings = Parameters<typeof config>[0]
const scope = globalThis as { __zod_globalConfig?: ZodSettings }
scope.__zod_globalConfig = Object.assign(scope.__zod_globalConfig ?? {}, { jitless: true })
