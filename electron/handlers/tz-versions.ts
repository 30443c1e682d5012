import type { TzDataVersions } from '../../shared/ipc/contract';

/** The tz data this process reads (Node's `process.versions.tz` and `.icu`); null where Node does not say. */
export function tzDataVersions(): TzDataVersions {
  const versions = process.versions as NodeJS.ProcessVersions & { tz?: string; icu?: string };
  return { tzdata: versions.tz ?? null, icu: versions.icu ?? null };
}
