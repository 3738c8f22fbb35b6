/** On every page while DEMO is on, so nobody mistakes the demo for the real marketplace. */
export function DemoBanner() {
  return (
    <aside className="demo-banner" aria-label="Demo data">
      <p>
        <strong>Demo data.</strong> The people, projects and money on this site are made up, every demo account shares a
        published password, and payments run in test mode only. Do not enter real personal or payment details.
      </p>
    </aside>
  )
}
