import { timeZoneOptions } from '../../components/time-zone-options';

/**
 * The IANA zones as select options, with UTC first. Why UTC added: `Intl.supportedValuesOf('timeZone')` lists
 * only geographic zones, yet a machine (or a headless browser) set to UTC reports "UTC" as its own zone, which the
 * select would then show as empty.
 */
export function zoneOptions(): { value: string; label: string }[] {
  const zones = timeZoneOptions();
  return zones.some((z) => z.value === 'UTC') ? zones : [{ value: 'UTC', label: 'UTC' }, ...zones];
}
