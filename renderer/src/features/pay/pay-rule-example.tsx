import '@mantine/dates/styles.css';
import { Badge, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { DatePickerInput, TimeInput } from '@mantine/dates';
import { useMemo, useState } from 'react';
import { FairnessTables } from '../../../../shared/fairness/fairness-tables';
import { priceMinuteAt } from '../../../../shared/pay/rule-at';
import { UNPRICED } from '../../../../shared/pay/price-span';
import type { PayRules, Plan } from '../../../../shared/plan/schema';
import { addDays, isoWeekday } from '../../../../shared/time/zoned';
import { MemberSelect } from '../../components/member-select';

/** The first Saturday on or after `date`: a weekend night is the example that shows rule order best. */
function firstSaturday(date: string): string {
  return addDays(date, (6 - isoWeekday(date) + 7) % 7);
}

/**
 * A live example of the rules: pick a member, a layer, a local date and time (the member's zone), and see which
 * rule prices that minute and at what rate — computed by the same code as the report, so it updates as the rules
 * are reordered or changed.
 */
export function PayRuleExample({ plan, rules }: { plan: Plan; rules: PayRules }) {
  const [memberId, setMemberId] = useState<string | null>(plan.members[0]?.id ?? null);
  const [layerId, setLayerId] = useState<string>(plan.rotation.layers[0]?.id ?? '');
  const [date, setDate] = useState<string>(() => firstSaturday(plan.rotation.startDate));
  const [time, setTime] = useState('23:30');
  const member = plan.members.find((m) => m.id === memberId);
  // Kept while the example is shown: each change of member, date or time prices one minute from warm tables.
  const [tables] = useState(() => new FairnessTables());
  const priced = useMemo(() => {
    if (!member || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
    try {
      return priceMinuteAt(plan, rules, member.id, layerId, date, time, tables);
    } catch (error) {
      return { error: (error as Error).message };
    }
  }, [plan, rules, member, layerId, date, time, tables]);
  return (
    <Paper withBorder radius="md" p="md" data-testid="pay-rule-example">
      <Stack gap="sm">
        <div>
          <Text fw={600}>Which rule prices this hour?</Text>
          <Text size="sm" c="dimmed">
            A local date and time in the member&apos;s own zone{member ? ` (${member.timeZone})` : ''}.
          </Text>
        </div>
        <Group grow align="flex-end">
          <MemberSelect
            members={plan.members}
            value={memberId}
            onChange={setMemberId}
            label="Member"
            ariaLabel="Example member"
          />
          <Select
            label="Layer"
            data={plan.rotation.layers.map((l) => ({ value: l.id, label: l.name }))}
            value={layerId}
            allowDeselect={false}
            onChange={(v) => v && setLayerId(v)}
          />
          <DatePickerInput
            label="Date"
            valueFormat="ddd D MMM YYYY"
            value={date}
            onChange={(v) => v && setDate(v)}
          />
          <TimeInput label="Time" value={time} onChange={(e) => setTime(e.currentTarget.value)} />
        </Group>
        <Group gap="sm" data-testid="pay-rule-example-answer" aria-live="polite">
          {priced === null ? (
            <Text size="sm" c="dimmed">
              Pick a member, a date and a time.
            </Text>
          ) : 'error' in priced ? (
            <Text size="sm" c="red">
              {priced.error}
            </Text>
          ) : (
            <>
              <Badge
                size="lg"
                radius="sm"
                variant="light"
                color={priced.rule === UNPRICED ? 'red' : 'blue'}
                data-rule={priced.rule}
              >
                {priced.rule === UNPRICED ? 'no rule matches' : priced.rule}
              </Badge>
              <Text size="sm" fw={600} data-hourly={priced.hourly}>
                {rules.currency} {priced.hourly.toFixed(2)}/h
              </Text>
              <Text size="sm" c="dimmed">
                {priced.factor !== 1 ? `secondary layer × ${priced.factor} · ` : ''}
                {priced.group ? `${priced.group} tariff · ` : ''}
                {priced.instant.replace('T', ' ').replace(/:00Z$/, ' UTC')}
              </Text>
            </>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
