import type { Analysis } from '../../../../shared/fairness/analyze';
import type { Member } from '../../../../shared/plan/schema';
import { MemberBarChart, type MemberDatum } from '../../components/member-bar-chart';

/** Weighted load per member against their fair share (availability-adjusted), in weighted hours. */
export function LoadChart({ analysis, members }: { analysis: Analysis; members: Member[] }) {
  const data: MemberDatum[] = analysis.members.map((m) => ({
    member: m.name,
    memberColor: members.find((x) => x.id === m.id)?.color ?? '#868e96',
    'Weighted load': m.weightedLoad,
    'Fair share': m.fairShare,
  }));
  return (
    <MemberBarChart
      label="Weighted load per member against fair share"
      data={data}
      series={[
        { name: 'Weighted load', opacity: 1 },
        { name: 'Fair share', opacity: 1, neutral: true },
      ]}
    />
  );
}
