import { emailExists, insertUser } from '~/models/users.server'
import { passwordProblem } from './password-policy.server'
import { hashPassword } from './passwords.server'

/** Admins are made from the command line only, never through sign-up. */
export async function createAdminAccount(input: {
  email: string
  name: string
  password: string
}): Promise<{ ok: true } | { ok: false; message: string }> {
  if (input.password.length < 8) return { ok: false, message: 'The password needs at least 8 characters.' }
  const problem = passwordProblem(input.password, input)
  if (problem) return { ok: false, message: problem }
  if (await emailExists(input.email)) return { ok: false, message: `An account already uses ${input.email}.` }
  await insertUser({
    email: input.email,
    name: input.name,
    role: 'admin',
    passwordHash: await hashPassword(input.password),
  })
  return { ok: true }
}
