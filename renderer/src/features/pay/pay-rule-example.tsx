import '@mantine/dates/styles.css';
import { Badge, Group, Loader, Paper, Select, Stack, Text } from '@mantine/core';
import { DatePickerInput, TimeInput } from '@mantine/dates';
import { useEffect, useMemo, useState } from 'react';
import type { PricedMinute } from '../../../../shared/pay/rule-at';
import { UNPRICED } from '../../../../shared/pay/price-span';
import type { PayRules, Plan } from '../../../../shared/plan/schema';
import { addDays, isoWeekday } from '../../../../shared/time/zoned';
import { api } from '../../api/api';
import { MemberSelect } from '../../components/member-select';

/** The first Saturday on or after `date`: a weekend night is the example that shows rule order best. */
function firstSaturday(date: string): string {
  return addDays(date, (6 - isoWeekday(date) + 7) % 7);
}

type Asked = { memberId: string; layerId: string; date: string; time: string };
type Answer = { asked: Asked; plan: Plan; priced: PricedMinute | { error: string } };

/**
 * The plan as the example sends it to main: without its shifts and scenarios, which never change the price of a
 * minute (that reads the rules, members, layers, holidays and investor weeks), so a big plan is not sent whole at
 * every keystroke.
 */
function ruleContext(plan: Plan): Record<string, unknown> {
  return { ...plan, shifts: [], scenarios: [] };
}

/**
 * A live example of the rules: pick a member, a layer, a local date and time (the member's zone), and see which
 * rule prices that minute and at what rate — priced by main with the same code and zone data as the report and
 * `rotaplan pay`, so it updates as the rules are reordered or changed and never disagrees with the amounts.
 */
export function PayRuleExample({ plan, rules }: { plan: Plan; rules: PayRules }) {
  const [memberId, setMemberId] = useState<string | null>(plan.members[0]?.id ?? null);
  const [layerId, setLayerId] = useState<string>(plan.rotation.layers[0]?.id ?? '');
  const [date, setDate] = useState<string>(() => firstSaturday(plan.rotation.startDate));
  const [time, setTime] = useState('23:30');
  const member = plan.members.find((m) => m.id === memberId);
  const asked = useMemo<Asked | null>(
    () =>
      member && /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time)
        ? { memberId: member.id, layerId, date, time }
        : null,
    [member, layerId, date, time],
  );
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (!asked) return;
    let live = true;
    api.pay.priceAt({ plan: ruleContext(plan), ...asked }).then(
      (priced) => live && setAnswer({ asked, plan, priced }),
      (error: unknown) =>
        live &&
        setAnswer({ asked, plan, priced: { error: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      live = false;
    };
  }, [plan, asked]);
  const current = asked && answer?.asked === asked && answer.plan === plan ? answer.priced : null;
  // While main answers a change, the last answer stays (dimmed) instead of flashing a spinner at every keystroke.
  const priced = current ?? answer?.priced ?? null;
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
        <Group
          gap="sm"
          data-testid="pay-rule-example-answer"
          data-state={asked && !current ? 'pricing' : 'ready'}
          aria-live="polite"
          style={asked && !current ? { opacity: 0.6 } : undefined}
        >
          {asked === null ? (
            <Text size="sm" c="dimmed">
              Pick a member, a date and a time.
            </Text>
          ) : priced === null ? (
            <Group gap="xs" data-testid="pay-rule-example-pricing">
              <Loader size="xs" />
              <Text size="sm" c="dimmed">
                Finding the rule…
              </Text>
            </Group>
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
