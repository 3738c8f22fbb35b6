import type { ComponentProps } from 'react'
import { Field } from '~/components/ui/field'

type Meta = ComponentProps<typeof Field>['meta']

/** The fields of an IP list entry: the address or CIDR range, then a note about it. */
export function IpRangeFields({
  cidr,
  cidrHint,
  note,
}: {
  cidr: Meta
  cidrHint: string
  note: { label: string; meta: Meta; hint: string }
}) {
  return (
    <>
      <Field label="IP address or range" meta={cidr} autoComplete="off" spellCheck={false} hint={cidrHint} />
      <Field label={note.label} meta={note.meta} autoComplete="off" hint={note.hint} />
    </>
  )
}
