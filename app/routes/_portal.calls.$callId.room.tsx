import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { CallEndedNotice } from '~/components/call/call-ended-notice'
import { CallRoom } from '~/components/call/call-room'
import { FileShareForm } from '~/components/call/file-share-form'
import { InviteForm } from '~/components/call/invite-form'
import { CardSection } from '~/components/ui/card-section'
import { PageHeader } from '~/components/ui/page-header'
import { Whiteboard } from '~/components/whiteboard/whiteboard'
import { RecordingControl } from '~/components/call/recording-control'
import { useHydrated } from '~/components/security/use-hydrated'
import { requireUser } from '~/http/auth.server'
import { answerDomainErrors } from '~/http/outcome-response.server'
import { openCallPage } from '~/services/video/call-history.server'
import { getEnv } from '~/utils/env.server'
import { pick } from '~/utils/pick'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Call: ${data?.title ?? 'Call'} · MegiLance` }]

/** The live room for the call's two sides and guests; everyone else gets 404. */
export const loader = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  const { call, conversation, asGuest, page } = await openCallPage(user, params.callId)
  return json({
    title: page.title,
    id: call.id,
    me: { userId: user.id, name: user.name },
    iceServers: getEnv().ICE_SERVERS,
    // Files go to the conversation and invitations come from its two sides: not for guests.
    conversationId: asGuest ? null : conversation.id,
    meeting: page.meeting,
    whiteboard: page.whiteboard,
    // Past the minute in which coming back reopens it, the room says the call has ended instead of offering Join.
    ended:
      call.endedAt && !page.joinable
        ? {
            ...pick(page, ['restart', 'subjectKind', 'subjectLink', 'conversationLink']),
            endedAt: call.endedAt,
            asGuest,
            conversationId: conversation.id,
          }
        : null,
  })
})

export default function CallRoomPage() {
  const data = useLoaderData<typeof loader>()
  const hydrated = useHydrated()
  return (
    <>
      <PageHeader back={{ to: `/calls/${data.id}`, label: 'The call’s page' }} title={`Call: ${data.title}`}>
        {data.meeting ? (
          <p>
            For the meeting “{data.meeting.title}” at {data.meeting.when}.{' '}
            <a href={`/meetings/${data.meeting.id}.ics`}>Add it to your calendar (.ics)</a>
          </p>
        ) : null}
      </PageHeader>
      {data.ended ? (
        <CallEndedNotice {...data.ended} />
      ) : hydrated ? (
        <>
          <CallRoom
            callId={data.id}
            me={data.me}
            iceServers={data.iceServers}
            aside={(live) => <Whiteboard bus={live.bus} callId={data.id} initialStrokes={data.whiteboard} />}
            toolbar={(call) => <RecordingControl callId={data.id} selfName={data.me.name} {...call} />}
          />
          {data.conversationId ? (
            <CardSection id="files-heading" title="Files">
              <FileShareForm conversationId={data.conversationId} />
            </CardSection>
          ) : null}
          {data.conversationId ? (
            <CardSection id="invite-heading" title="Invite">
              <InviteForm callId={data.id} />
            </CardSection>
          ) : null}
        </>
      ) : (
        <CardSection id="needs-js-heading" title="Calls need JavaScript">
          <p>
            Video calls run in the browser, so this page needs JavaScript. Turn it on for this site and reload to join.
          </p>
          <p>
            <Link to={`/calls/${data.id}`}>Back to the call’s page</Link>
          </p>
        </CardSection>
      )}
    </>
  )
}
