import { z } from 'zod'

// zod compiles object parsers with `new Function` (and probes for it), which the CSP's script-src
// refuses in the browser, logging a violation. Interpreted parsing gives the same results.
// Imported first by app/root.tsx, so it runs before any route module builds a schema.
z.config({ jitless: true })
