import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { feeTaxTreatment, splitFeeForTreatment, splitInclusiveTax } from './fee-tax'
import { splitPlatformFee } from '../ledger/fees'
import { checkEuVatId } from './vat-ids'

describe('splitInclusiveTax', () => {
  it('takes 19 % VAT out of a 10 % fee on $800', () => {
    // $80.00 fee incl. 19 %: 8000 / 1.19 = 6722.69 → revenue 6723, tax 1277
    expect(splitInclusiveTax(8_000, 190_000)).toEqual({ feeMinor: 8_000, revenueMinor: 6_723, taxMinor: 1_277 })
  })
  it('rounds half up', () => {
    // 21 × 0.05 / 1.05 = 1 exactly; 42 × 0.2 / 1.2 = 7; 3 × 0.2 / 1.2 = 0.5 → 1
    expect(splitInclusiveTax(21, 50_000).taxMinor).toBe(1)
    expect(splitInclusiveTax(3, 200_000).taxMinor).toBe(1)
    expect(splitInclusiveTax(1, 200_000).taxMinor).toBe(0)
  })
  it('always sums exactly to the fee, for many amounts and rates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 400_000 }),
        (fee, ppm) => {
          const split = splitInclusiveTax(fee, ppm)
          expect(split.revenueMinor + split.taxMinor).toBe(fee)
          expect(split.taxMinor).toBeGreaterThanOrEqual(0)
          expect(split.taxMinor).toBeLessThanOrEqual(fee)
        },
      ),
      { numRuns: 2_000 },
    )
    for (let gross = 0; gross <= 20_000; gross += 7) {
      const fee = splitPlatformFee(gross)
      const split = splitInclusiveTax(fee.feeMinor, 190_000)
      expect(split.revenueMinor + split.taxMinor).toBe(fee.feeMinor)
      expect(fee.netMinor + split.revenueMinor + split.taxMinor).toBe(gross)
    }
  })
  it('refuses fractions', () => {
    expect(() => splitInclusiveTax(1.5, 190_000)).toThrow(RangeError)
  })
})

describe('feeTaxTreatment', () => {
  const platform = 'IE'
  it('charges a German consumer German VAT', () => {
    const treatment = feeTaxTreatment({ countryCode: 'DE', vatId: null }, platform)
    expect(treatment).toMatchObject({ kind: 'taxed', rate: { ratePpm: 190_000 } })
    expect(splitFeeForTreatment(8_000, treatment)).toEqual({ feeMinor: 8_000, revenueMinor: 6_723, taxMinor: 1_277 })
  })
  it('reverse charges a German business with a VAT ID', () => {
    const treatment = feeTaxTreatment({ countryCode: 'DE', vatId: 'DE136695976' }, platform)
    expect(treatment).toMatchObject({ kind: 'reverse_charge', label: 'VAT reverse charged' })
    expect(splitFeeForTreatment(8_000, treatment).taxMinor).toBe(0)
  })
  it('charges a business in the platform’s own country domestic VAT', () => {
    expect(feeTaxTreatment({ countryCode: 'IE', vatId: 'IE6388047V' }, platform)).toMatchObject({
      kind: 'taxed',
      rate: { ratePpm: 230_000 },
    })
  })
  it('adds no tax for the United States, for a country missing from the source, or without a country', () => {
    expect(feeTaxTreatment({ countryCode: 'US', vatId: null }, platform)).toMatchObject({
      kind: 'untaxed',
      reason: 'no_tax',
    })
    expect(feeTaxTreatment({ countryCode: 'AF', vatId: null }, platform)).toMatchObject({
      kind: 'untaxed',
      reason: 'not_in_source',
    })
    expect(feeTaxTreatment({ countryCode: null, vatId: null }, platform)).toMatchObject({
      kind: 'untaxed',
      reason: 'no_country',
    })
  })
  it('charges GB VAT to a British client', () => {
    expect(feeTaxTreatment({ countryCode: 'GB', vatId: null }, platform)).toMatchObject({
      kind: 'taxed',
      rate: { ratePpm: 200_000 },
    })
  })
})

describe('checkEuVatId', () => {
  it('accepts valid VAT IDs with or without prefix, spaces and dots', () => {
    expect(checkEuVatId('DE 136.695.976', 'DE')).toEqual({ ok: true, vatId: 'DE136695976' })
    expect(checkEuVatId('136695976', 'DE')).toEqual({ ok: true, vatId: 'DE136695976' })
    expect(checkEuVatId('094259216', 'GR')).toEqual({ ok: true, vatId: 'EL094259216' })
    expect(checkEuVatId('FR40303265045', 'FR')).toMatchObject({ ok: true })
    expect(checkEuVatId('ATU13585627', 'AT')).toMatchObject({ ok: true })
  })
  it('refuses a wrong check digit, a wrong format, another country’s ID and non-EU countries', () => {
    expect(checkEuVatId('DE136695975', 'DE')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/check digits/),
    })
    expect(checkEuVatId('DE12', 'DE')).toMatchObject({ ok: false, message: expect.stringMatching(/format/) })
    expect(checkEuVatId('FR40303265045', 'DE')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/starts with DE/),
    })
    expect(checkEuVatId('GB980780684', 'GB')).toMatchObject({ ok: false, message: expect.stringMatching(/EU/) })
  })
})
