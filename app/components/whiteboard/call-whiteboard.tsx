import { useLiveCall } from '~/components/call/call-context'
import type { Stroke } from '~/domain/whiteboard-strokes'
import { Whiteboard } from './whiteboard'

/** The whiteboard mounted in the call room: it talks to the others over the room's call bus. */
export function CallWhiteboard(props: { callId: string; initialStrokes: readonly Stroke[] }) {
  const { bus } = useLiveCall()
  return <Whiteboard bus={bus} {...props} />
}
