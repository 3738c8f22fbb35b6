import { useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import type { SubmissionResult } from '@conform-to/react'
import { AlertMessage } from '~/components/ui/alert-message'

/**
 * Files shared during the call go to the conversation's messages through its own upload (the same
 * types and size checks), so they are still there after the call.
 */
export function FileShareForm({ conversationId }: { conversationId: string }) {
  const fetcher = useFetcher<SubmissionResult<string[]>>()
  const form = useRef<HTMLFormElement>(null)
  const sent = fetcher.state === 'idle' && fetcher.data?.status === 'success'
  const errors = fetcher.state === 'idle' ? Object.values(fetcher.data?.error ?? {}).flat() : []
  useEffect(() => {
    if (sent) form.current?.reset()
  }, [sent])
  return (
    <fetcher.Form
      ref={form}
      method="post"
      action={`/messages/${conversationId}`}
      encType="multipart/form-data"
      className="form-stack"
    >
      <input type="hidden" name="live" value="1" />
      <input type="hidden" name="body" value="Shared during the call." />
      <div className="field">
        <label htmlFor="call-files">Share files in the conversation</label>
        <input id="call-files" type="file" name="files" multiple required aria-describedby="call-files-hint" />
        <p id="call-files-hint" className="field__hint">
          Up to 5 files: images, PDF, ZIP, Word or Excel files, or plain text; up to 10 MB each.
        </p>
      </div>
      <button type="submit" className="button" disabled={fetcher.state !== 'idle'}>
        {fetcher.state !== 'idle' ? 'Sending…' : 'Send files'}
      </button>
      {sent ? <p role="status">Sent to the conversation.</p> : null}
      <AlertMessage message={errors} />
    </fetcher.Form>
  )
}
