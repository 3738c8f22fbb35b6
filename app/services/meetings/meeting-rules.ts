import type { MeetingStatus } from '~/domain/enums'

/**
 * The meeting's state machine: what each move needs and leads to. Either side of the meeting may
 * take either move; the model's conditional update uses `from`, the pages show a move only when
 * the meeting is in one of its `from` states.
 */
export const MEETING_MOVES = {
  reschedule: { from: ['scheduled'], to: 'scheduled', refused: 'This meeting was cancelled; book a new one instead.' },
  cancel: { from: ['scheduled'], to: 'cancelled', refused: 'This meeting is already cancelled.' },
} as const satisfies Record<string, { from: readonly MeetingStatus[]; to: MeetingStatus; refused: string }>

export type MeetingMove = keyof typeof MEETING_MOVES

export function canMove(status: MeetingStatus, move: MeetingMove): boolean {
  return (MEETING_MOVES[move].from as readonly MeetingStatus[]).includes(status)
}
