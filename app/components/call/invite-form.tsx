import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { useFetcher } from '@remix-run/react'
import { useHydrated } from '~/components/security/use-hydrated'
import { Field } from '~/components/ui/field'
import { InviteToCallConstraint } from '~/components/ui/form-constraints/invite-to-call'
import { useZodForm } from '~/components/ui/use-zod-form'

/**
 * Invites a platform user into this call by email: a plain form to the call page's action, which
 * works without JavaScript and, in the room, without leaving it.
 */
export function InviteForm({ callId, lastResult }: { callId: string; lastResult?: SubmissionResult<string[]> | null }) {
  const fetcher = useFetcher<{ invited?: string } & SubmissionResult<string[]>>()
  const result = fetcher.data ?? lastResult
  const [form, fields] = useZodForm(InviteToCallConstraint, {
    id: 'invite-to-call',
    lastResult: fetcher.state === 'idle' ? result : null,
  })
  const hydrated = useHydrated()
  const invited = fetcher.data && 'invited' in fetcher.data ? fetcher.data.invited : undefined
  return (
    <fetcher.Form method="post" action={`/calls/${callId}?index`} {...getFormProps(form)} className="form-stack">
      {hydrated ? <input type="hidden" name="live" value="1" /> : null}
      <Field
        label="Invite someone by email"
        meta={fields.email}
        type="email"
        autoComplete="off"
        hint="They must have a MegiLance account. They can join this call only, not read your messages."
      />
      <button type="submit" className="button" name="intent" value="invite">
        Invite to the call
      </button>
      {invited ? <p role="status">{invited} is invited and can join from their Calls page.</p> : null}
    </fetcher.Form>
  )
}
