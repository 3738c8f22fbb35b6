import { emailExists, insertUser } from '~/models/users.server'
import { COMMON_PASSWORD_MESSAGE } from './accounts.server'
import { hashPassword, isCommonPassword } from './passwords.server'

/** Admins are made from the command line only, never through sign-up. */
export async function createAdminAccount(input: {
  email: string
  name: string
  password: string
}): Promise<{ ok: true } | { ok: false; message: string }> {
  if (input.password.length < 8) return { ok: false, message: 'The password needs at least 8 characters.' }
  if (isCommonPassword(input.password)) return { ok: false, message: COMMON_PASSWORD_MESSAGE }
  if (await emailExists(input.email)) return { ok: false, message: `An account already uses ${input.email}.` }
  await insertUser({ email: input.email, name: input.name, role: 'admin', passwordHash: await hashPassword(input.password) })
  return { ok: true }
}
