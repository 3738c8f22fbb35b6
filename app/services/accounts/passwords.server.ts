import { hash, verify } from '@node-rs/argon2'
import { dictionary } from '@zxcvbn-ts/language-common'

// argon2id with the library defaults: 19 MiB memory, 2 iterations, 1 lane (OWASP's minimum).
export async function hashPassword(password: string): Promise<string> {
  return hash(password)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

let commonPasswords: Set<string> | undefined

/** True for passwords on zxcvbn's list of ~49,000 commonly used passwords (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()))
  return commonPasswords.has(password.toLowerCase())
}

export function commonPasswordCount(): number {
  isCommonPassword('')
  return commonPasswords?.size ?? 0
}
