import { parseArgs } from 'node:util'
import { closeDb } from '~/models/db.server'
import { listOutbox } from '~/models/outbox.server'

/**
 * Prints the newest messages in the offline outbox (the mailbox used when no SMTP_URL or Twilio is
 * set), so the operator can read a sign-in code for an admin before any admin can open /admin/outbox.
 * Codes are kept only until they expire.
 */
const NO_TEXT =
  '(No text: it went through SMTP or Twilio, which keep only metadata, or it carried a code that has expired.)'
const usage = 'Usage: npm run outbox -- --to admin@megilance.test [--count 3]'
const { values } = parseArgs({ options: { to: { type: 'string' }, count: { type: 'string', default: '3' } } })

async function main() {
  if (!values.to) throw new Error(usage)
  const { rows } = await listOutbox({ to: values.to, page: 1, pageSize: Math.max(1, Number(values.count) || 3) })
  if (!rows.length) return `No messages to ${values.to}.`
  return rows.map((m) => `— ${m.createdAt.toISOString()} to ${m.to}\n${m.subject}\n\n${m.text ?? NO_TEXT}\n`).join('\n')
}

main()
  .then((text) => console.log(text))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
  .finally(closeDb)
