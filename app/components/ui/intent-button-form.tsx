import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'

/**
 * A post form that is one button: its `intent`, and the record it acts on as a hidden field,
 * e.g. `record={{ name: 'searchId', value: search.id }}`. `label` names the button for screen
 * readers when its text alone does not say which record it is for.
 */
export function IntentButtonForm({
  intent,
  record,
  label,
  className = 'button button--secondary',
  formClassName,
  children,
}: {
  intent: string
  record?: { name: string; value: string }
  label?: string
  className?: string
  formClassName?: string
  children: ReactNode
}) {
  return (
    <Form method="post" className={formClassName}>
      {record ? <input type="hidden" name={record.name} value={record.value} /> : null}
      <button type="submit" name="intent" value={intent} className={className} aria-label={label}>
        {children}
      </button>
    </Form>
  )
}
