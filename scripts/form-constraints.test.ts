import fs from 'node:fs'
import path from 'node:path'
import { getZodConstraint } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { proposalFieldsSchema } from '~/services/marketplace/proposal-schemas'
import { CONSTRAINTS_DIR, renderFormConstraints } from './form-constraints'

describe('app/components/ui/form-constraints/', () => {
  it('holds the HTML constraints of the current form schemas (else run `npm run forms:constraints`)', async () => {
    const expected = await renderFormConstraints()
    expect(fs.readdirSync(CONSTRAINTS_DIR).sort()).toEqual([...expected.keys()].sort())
    for (const [name, source] of expected)
      expect(fs.readFileSync(path.join(CONSTRAINTS_DIR, name), 'utf8')).toBe(source)
  })

  it('gives fixed-price and hourly proposals the same constraints, so the proposal form needs one module', () => {
    expect(getZodConstraint(proposalFieldsSchema({ bidType: 'hourly' }))).toEqual(
      getZodConstraint(proposalFieldsSchema({ bidType: 'fixed' })),
    )
  })
})
