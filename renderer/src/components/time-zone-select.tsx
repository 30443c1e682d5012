import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { timeZoneOptions } from './time-zone-options';

/** What a caller sets on a time-zone select: label, value, change handler and the like; the list is its own. */
export type TimeZoneSelectProps = Omit<
  SelectProps,
  'data' | 'searchable' | 'limit' | 'nothingFoundMessage' | 'allowDeselect'
>;

/**
 * A searchable select of the IANA time zones this runtime knows; one is always chosen.
 * Why the current value joins the list when it is missing: `Intl.supportedValuesOf('timeZone')` lists only
 * geographic zones, yet a plan may hold "UTC" (a machine set to UTC reports it as its own zone) or another name
 * the runtime accepts; the select would show such a value as empty.
 */
export function TimeZoneSelect(props: TimeZoneSelectProps) {
  const zones = useMemo(() => timeZoneOptions(), []);
  const { value } = props;
  const data = useMemo(
    () =>
      !value || zones.some((z) => z.value === value)
        ? zones
        : [{ value, label: value.replace(/_/g, ' ') }, ...zones],
    [zones, value],
  );
  return (
    <Select
      searchable
      limit={80}
      nothingFoundMessage="No IANA zone matches"
      allowDeselect={false}
      {...props}
      data={data}
    />
  );
}
