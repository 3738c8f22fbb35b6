import { getFormProps, getTextareaProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useActionData, useFetcher, useLoaderData } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { StartCallForm } from '~/components/call/start-call-form'
import { MessageThread } from '~/components/messaging/message-thread'
import { useHydrated } from '~/components/security/use-hydrated'
import { CardSection } from '~/components/ui/card-section'
import { SubmitButton } from '~/components/ui/submit-button'
import { useLiveRevalidate } from '~/components/ui/use-live-revalidate'
import { ErrorList, RequiredMark } from '~/components/ui/field'
import { readUploadForm } from '~/http/upload-form.server'
import { DOCUMENT_TYPES, storeUploads, UploadRejected } from '~/services/files/uploads.server'
import { SendMessageSchema } from '~/services/messaging/message-schemas'
import {
  findReadableConversation,
  isParticipant,
  loadConversationPage,
  sendMessage,
} from '~/services/messaging/messaging.server'
import { requireUser } from '~/http/auth.server'
import { callGoingOn } from '~/services/video/calls.server'
import { redirectWithToast } from '~/http/toast.server'
import { tooManyAttempts } from '~/http/too-many-attempts.server'
import { Throttled } from '~/services/security/throttle.server'
import { FormAlert } from '~/components/ui/form-alert'
import { SendMessageConstraint } from '~/components/ui/form-constraints/send-message'
import { useZodForm } from '~/components/ui/use-zod-form'
import { keepRetryAfter } from '~/http/retry-after-headers.server'

/** A 429 answer to the form keeps its Retry-After in the page, with JavaScript or without. */
export const headers = keepRetryAfter

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? 'Conversation'} · Messages · MegiLance` },
]

const MAX_FILE_BYTES = 10_000_000
const MAX_FILES = 5

async function requireConversation(request: Request, conversationId: string | undefined) {
  const user = await requireUser(request)
  const conversation = await findReadableConversation(conversationId, user)
  if (!conversation) throw new Response('Not found', { status: 404 })
  return { user, conversation }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, conversation } = await requireConversation(request, params.conversationId)
  const page = await loadConversationPage(conversation, user)
  return json({
    id: conversation.id,
    viewerId: user.id,
    ...page,
    callOngoing: page.participant ? await callGoingOn({ conversationId: conversation.id }) : false,
    messages: page.messages.map((message) => ({
      id: message.id,
      senderId: message.senderId,
      senderName: message.senderName,
      body: message.body,
      offPlatformReasons: message.offPlatformReasons,
      createdAt: message.createdAt.toISOString(),
      attachments: message.attachments,
    })),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, conversation } = await requireConversation(request, params.conversationId)
  if (!isParticipant(conversation, user.id)) {
    throw new Response('Admins can read this conversation but only its client and freelancer write in it.', {
      status: 403,
    })
  }
  const { formData, oversized } = await readUploadForm(request, { maxFileBytes: MAX_FILE_BYTES, maxFiles: MAX_FILES })
  const submission = parseWithZod(formData, { schema: SendMessageSchema })
  if (oversized.size)
    return json(submission.reply({ fieldErrors: { files: ['Each file can be up to 10 MB.'] } }), { status: 400 })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const files = formData.getAll('files').filter((file): file is File => file instanceof File && file.size > 0)
  if (files.length > MAX_FILES)
    return json(submission.reply({ fieldErrors: { files: [`Attach up to ${MAX_FILES} files at a time.`] } }), {
      status: 400,
    })

  let message: Awaited<ReturnType<typeof sendMessage>>
  try {
    message = await sendMessage({
      conversation,
      sender: user,
      body: submission.value.body,
      storeAttachments: async () => {
        const uploads = await storeUploads(
          { ownerId: user.id, purpose: 'message', allowedTypes: DOCUMENT_TYPES, maxBytes: MAX_FILE_BYTES },
          files,
        )
        return uploads.map((upload) => upload.id)
      },
    })
  } catch (error) {
    if (error instanceof UploadRejected)
      return json(submission.reply({ fieldErrors: { files: [error.message] } }), { status: 400 })
    // Over the quota: nothing is stored, and the message stays in the box (files must be chosen again).
    if (error instanceof Throttled) return tooManyAttempts(error, (formErrors) => submission.reply({ formErrors }))
    throw error
  }
  // With JavaScript the page stays put (the fetcher revalidates it); without, post/redirect/get.
  if (formData.get('live') === '1') return json(submission.reply({ resetForm: true }))
  const flagged = message.offPlatformReasons.length > 0
  return redirectWithToast(`/messages/${conversation.id}`, {
    kind: flagged ? 'info' : 'success',
    message: flagged
      ? 'Message sent. It was flagged for review because it seems to move contact or payment off MegiLance.'
      : 'Message sent.',
  })
}

export default function Conversation() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const fetcher = useFetcher<typeof action>()
  const hydrated = useHydrated()
  const formRef = useRef<HTMLFormElement>(null)
  // Reloads the page's data whenever the server says a new message arrived.
  useLiveRevalidate(`/messages/${data.id}/events`, 'message')

  const lastResult = fetcher.data ?? actionData
  const [form, fields] = useZodForm(SendMessageConstraint, {
    id: 'send-message',
    lastResult: fetcher.state === 'idle' ? lastResult : null,
  })
  useEffect(() => {
    if (fetcher.state === 'idle' && fetcher.data?.status === 'success') formRef.current?.reset()
  }, [fetcher.state, fetcher.data])
  const fileErrors = (lastResult?.error as Record<string, string[] | null> | undefined)?.files ?? undefined
  const sending = fetcher.state !== 'idle'

  return (
    <>
      <header className="page-header">
        <p>
          <Link to="/messages">← All messages</Link> ·{' '}
          <Link to={data.subjectLink}>
            Open the {data.subjectLink.startsWith('/contracts') ? 'contract' : 'proposal'}
          </Link>
          {data.participant && !data.contractEnded ? (
            <>
              {' '}
              · <Link to={`/meetings/new?conversation=${data.id}`}>Schedule a meeting</Link>
            </>
          ) : null}
        </p>
        <h1>{data.title}</h1>
        <p className="muted">
          {data.participant
            ? `Conversation with ${data.otherPartyName}.${data.contractEnded ? ' The contract has ended: messages stay open here, calls and meetings do not.' : ''}`
            : `Between ${data.clientName} (client) and ${data.freelancerName} (freelancer). You are reading as an admin.`}
        </p>
        {data.participant && (!data.contractEnded || data.callOngoing) ? (
          <StartCallForm field="conversationId" value={data.id} ongoing={data.callOngoing} />
        ) : null}
      </header>
      <section className="card" aria-label="Conversation">
        <MessageThread conversationId={data.id} messages={data.messages} viewerId={data.viewerId} />
        {hydrated ? null : (
          // Without JavaScript nothing arrives by itself: say so, and how to look again.
          <p className="muted">
            New messages show when the page is loaded again.{' '}
            <Link to={`/messages/${data.id}`} reloadDocument>
              Check for new messages
            </Link>
          </p>
        )}
      </section>
      {data.participant ? (
        <CardSection id="send-heading" title="Send a message">
          <fetcher.Form
            method="post"
            encType="multipart/form-data"
            {...getFormProps(form)}
            ref={formRef}
            className="form-stack"
          >
            {hydrated ? <input type="hidden" name="live" value="1" /> : null}
            <FormAlert errors={form.errors} />
            <div className="field">
              <label htmlFor={fields.body.id}>
                Message
                <RequiredMark required={fields.body.required} />
              </label>
              <textarea
                {...getTextareaProps(fields.body)}
                rows={4}
                aria-describedby={`${fields.body.id}-hint ${fields.body.errorId}`}
              />
              <p id={`${fields.body.id}-hint`} className="field__hint">
                Keep contact and payments on MegiLance; messages with phone numbers, emails or payment requests outside
                escrow are flagged.
              </p>
              <ErrorList id={fields.body.errorId} errors={fields.body.errors} />
            </div>
            <div className="field">
              <label htmlFor="message-files">Attach files (optional)</label>
              <input id="message-files" type="file" name="files" multiple aria-describedby="message-files-hint" />
              <p id="message-files-hint" className="field__hint">
                Up to {MAX_FILES} files: images, PDF, ZIP, Word or Excel files, or plain text; up to 10 MB each.
              </p>
              <ErrorList errors={fileErrors} />
            </div>
            <SubmitButton disabled={sending}>{sending ? 'Sending…' : 'Send'}</SubmitButton>
          </fetcher.Form>
        </CardSection>
      ) : null}
    </>
  )
}
