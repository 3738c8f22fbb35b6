import { listContractCalls, type ContractCall } from '~/models/call-recordings.server'
import { formatCallDuration } from '~/utils/call-duration'
import { toRecordingView, type RecordingView } from './recordings.server'

export type ContractCallView = {
  id: string
  startedAt: string
  endedAt: string | null
  durationMs: number | null
  startedByName: string
  attendeeNames: string[]
  recordings: RecordingView[]
}

type CallActivity = { id: string; kind: string; detail: string; createdAt: Date; actorName: string | null }

/** The lines a call adds to its contract's activity log: started, each join and leave, recordings, end. */
function callActivity(call: ContractCall): CallActivity[] {
  const line = (suffix: string, createdAt: Date, actorName: string | null, detail: string): CallActivity => ({
    id: `call-${call.id}-${suffix}`,
    kind: 'call',
    detail,
    createdAt,
    actorName,
  })
  const lines = [line('start', call.startedAt, call.startedByName, `${call.startedByName} started a call.`)]
  call.attendances.forEach((attendance, index) => {
    if (attendance.joinedAt) {
      lines.push(
        line(`join-${index}`, attendance.joinedAt, attendance.userName, `${attendance.userName} joined the call.`),
      )
    }
    if (attendance.leftAt) {
      lines.push(
        line(`leave-${index}`, attendance.leftAt, attendance.userName, `${attendance.userName} left the call.`),
      )
    }
  })
  for (const recording of call.recordings) {
    const length = recording.durationMs === null ? '' : ` (${formatCallDuration(recording.durationMs)})`
    lines.push(
      line(
        `recording-${recording.id}`,
        recording.startedAt,
        recording.startedByName,
        `${recording.startedByName} recorded the call${recording.mode === 'audio' ? ', audio only' : ''}${length}.`,
      ),
    )
  }
  if (call.endedAt) {
    const length = formatCallDuration(call.endedAt.getTime() - call.startedAt.getTime())
    lines.push(line('end', call.endedAt, null, `The call ended after ${length}.`))
  }
  return lines
}

/**
 * The calls held in a contract's conversation, and its activity log with their lines merged in
 * (newest first, as the log reads).
 */
export async function loadContractCallHistory<Line extends { createdAt: Date }>(
  contractId: string,
  activity: Line[],
): Promise<{ calls: ContractCallView[]; activity: (Line | CallActivity)[] }> {
  const calls = await listContractCalls(contractId)
  // Each call's lines reversed, so lines at one moment read newest first like the rest of the log.
  const merged = [...activity, ...calls.flatMap((call) => callActivity(call).reverse())].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime(),
  )
  return {
    calls: calls.map((call) => ({
      id: call.id,
      startedAt: call.startedAt.toISOString(),
      endedAt: call.endedAt?.toISOString() ?? null,
      durationMs: call.endedAt ? call.endedAt.getTime() - call.startedAt.getTime() : null,
      startedByName: call.startedByName,
      attendeeNames: [...new Set(call.attendances.map((attendance) => attendance.userName))],
      recordings: call.recordings.map(toRecordingView),
    })),
    activity: merged,
  }
}
