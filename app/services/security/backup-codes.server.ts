import crypto from 'node:crypto'
import {
  backupCodesMadeAt,
  countBackupCodes,
  listUnusedBackupCodes,
  markBackupCodeUsed,
  replaceBackupCodes,
} from '~/models/backup-codes.server'
import { hashPassword, verifyPassword } from '~/services/accounts/passwords.server'
import type { RequestOrigin } from './context'
import { recordSecurityEvent } from './events.server'
import type { SecondFactorProvider } from './second-factor-provider'

const BACKUP_CODE_COUNT = 10
// No 0/o, 1/l/i: a code copied from paper is read back right. 31 symbols × 10 ≈ 49 bits each.
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz'
const CODE_LENGTH = 10

/** "k7m2-x9q4-pt": groups make a code easy to copy and read aloud. */
export function formatBackupCode(raw: string): string {
  return [raw.slice(0, 4), raw.slice(4, 8), raw.slice(8)].filter(Boolean).join('-')
}

/** Accepts what people type: any case, with or without dashes and spaces. */
function normaliseBackupCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]+/g, '')
}

export function newBackupCode(): string {
  let raw = ''
  for (let i = 0; i < CODE_LENGTH; i++) raw += ALPHABET[crypto.randomInt(ALPHABET.length)]
  return raw
}

/** A fresh set of ten codes, replacing (and voiding) any earlier set. Returns them, formatted, to show once. */
export async function generateBackupCodes(userId: string, origin: RequestOrigin, now = new Date()): Promise<string[]> {
  const codes = new Set<string>()
  while (codes.size < BACKUP_CODE_COUNT) codes.add(newBackupCode())
  // ~49 bits each is too few for a plain hash (ASVS 6.5.2): argon2id with its own salt, like passwords.
  await replaceBackupCodes(userId, await Promise.all([...codes].map((raw) => hashPassword(raw))), now)
  await recordSecurityEvent({ userId, kind: 'backup_codes_generated', origin, now })
  return [...codes].map(formatBackupCode)
}

export const backupCodesOf = countBackupCodes

/**
 * Uses a code once; a parallel request with the same code cannot use it again. Its log line says
 * where it was used from, like every other sign-in step: "Unknown" there reads as someone else.
 */
export async function redeemBackupCode(
  userId: string,
  input: string,
  now = new Date(),
  origin: RequestOrigin | null = null,
): Promise<boolean> {
  const raw = normaliseBackupCode(input)
  if (raw.length !== CODE_LENGTH || [...raw].some((char) => !ALPHABET.includes(char))) return false
  let matched: string | undefined
  for (const row of await listUnusedBackupCodes(userId)) {
    if (await verifyPassword(row.codeHash, raw)) {
      matched = row.id
      break
    }
  }
  if (!matched || !(await markBackupCodeUsed(userId, matched, now))) return false
  const { unused } = await countBackupCodes(userId)
  const left = `${unused} unused backup code${unused === 1 ? '' : 's'} left`
  await recordSecurityEvent({ userId, kind: 'backup_code_used', origin, detail: left, now })
  return true
}

/** Text for the downloaded file: the codes and how to use them. */
export function backupCodesFileText(codes: string[], email: string, now: Date): string {
  return [
    `MegiLance backup codes for ${email}`,
    `Made on ${now.toISOString().slice(0, 10)}. Each code works once. Making new codes voids these.`,
    '',
    ...codes,
    '',
    'Keep this file somewhere safe, such as a password manager.',
    '',
  ].join('\n')
}

export const backupCodeMethod: SecondFactorProvider = {
  method: 'backup_code',
  label: 'Backup code',
  needsJavaScript: false,
  async isEnabledFor(userId) {
    return (await countBackupCodes(userId)).unused > 0
  },
  async hint(userId) {
    const { unused } = await countBackupCodes(userId)
    return `${unused} left`
  },
  verify: (userId, answer, now, _binding, origin) => redeemBackupCode(userId, answer.code, now, origin),
  addedAt: (userId) => backupCodesMadeAt(userId),
}
