import { parseArgs } from 'node:util'
import { z } from 'zod'
import { closeDb } from '~/models/db.server'
import { findUserByEmail, setUserRole } from '~/models/users.server'
import { createAdminAccount } from '~/services/accounts/admin-accounts.server'

const usage =
  'Usage: npm run create-admin -- --email admin@example.com --name "Ada Admin" --password "a long passphrase"'

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
    promote: { type: 'boolean' },
  },
})

const Args = z.object({ email: z.email(), name: z.string().min(2), password: z.string().min(8) })

async function main() {
  if (values.promote && values.email) {
    const user = await findUserByEmail(values.email)
    if (!user) throw new Error(`No account uses ${values.email}`)
    await setUserRole(user.id, 'admin')
    return `${user.email} is now an admin.`
  }
  const parsed = Args.safeParse(values)
  if (!parsed.success)
    throw new Error(`${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${usage}`)
  const result = await createAdminAccount(parsed.data)
  if (!result.ok) throw new Error(result.message)
  return `Admin ${parsed.data.email} created.`
}

main()
  .then((message) => console.log(message))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
  .finally(closeDb)
