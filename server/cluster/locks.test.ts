import { expect, test } from 'vitest'
import { ClusterLocks } from './locks'

test('a lock goes to one worker at a time, in the order asked, and is freed when its holder exits', () => {
  const locks = new ClusterLocks()
  const granted: string[] = []
  let first = 0
  locks.acquire(1, 'recording:r', (grant) => {
    first = grant
    granted.push('w1')
  })
  locks.acquire(2, 'recording:r', () => granted.push('w2'))
  locks.acquire(3, 'recording:r', () => granted.push('w3'))
  expect(granted).toEqual(['w1'])
  // A stale unlock (an older grant) changes nothing.
  locks.release('recording:r', first - 1)
  expect(granted).toEqual(['w1'])
  locks.forget(1)
  expect(granted).toEqual(['w1', 'w2'])
  // Worker 3 exits while waiting: it is never granted the lock.
  locks.forget(3)
  locks.forget(2)
  expect(granted).toEqual(['w1', 'w2'])
})
