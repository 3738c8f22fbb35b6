import { describe, expect, it } from 'vitest'
import { checkBankAccount, isValidIban } from './bank-account-rules'

describe('sandbox bank account check', () => {
  it('accepts real IBANs (any spacing) and keeps only the last four', () => {
    expect(isValidIban('DE89370400440532013000')).toBe(true)
    expect(isValidIban('GB82WEST12345698765432')).toBe(true)
    expect(checkBankAccount('de89 3704 0044 0532 0130 00')).toEqual({ ok: true, last4: '3000', kind: 'iban' })
  })

  it('refuses an IBAN with a wrong digit and nonsense account numbers', () => {
    expect(checkBankAccount('DE89370400440532013001')).toMatchObject({
      ok: false,
      message: expect.stringContaining('check digits'),
    })
    expect(checkBankAccount('12')).toMatchObject({ ok: false })
    expect(checkBankAccount('000123456789')).toEqual({ ok: true, last4: '6789', kind: 'account number' })
  })
})
