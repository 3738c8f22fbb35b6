import { DataTable } from '~/components/ui/data-table'

export type RankFactorView = { key: string; label: string; weight: number; value: string; points: number }

/** Each factor with the person's value and the points it gives; the total at the foot. */
export function RankBreakdown({ score, factors }: { score: number; factors: RankFactorView[] }) {
  return (
    <DataTable
      caption={<>Your rank: {score} out of 100</>}
      captionShown
      stackOnPhone
      columns={['Factor', 'Your value', 'Points']}
      foot={
        <tr>
          <th scope="row">Total</th>
          <td />
          <td>{score} of 100</td>
        </tr>
      }
    >
      {factors.map((factor) => (
        <tr key={factor.key}>
          <th scope="row">{factor.label}</th>
          <td>{factor.value}</td>
          <td>
            {factor.points.toFixed(1)} of {factor.weight}
          </td>
        </tr>
      ))}
    </DataTable>
  )
}
