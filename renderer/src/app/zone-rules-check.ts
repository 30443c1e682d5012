import { useEffect, useState } from 'react';
import { zoneOffsetsAnswerSchema, type TzDataVersions } from '../../../shared/ipc/contract';
import type { Plan } from '../../../shared/plan/schema';
import {
  compareOffsetTables,
  planZoneSpan,
  zoneOffsetTable,
  type OffsetDisagreement,
} from '../../../shared/time/zone-offsets';
import { api } from '../api/api';

/** What the check found: where this window's zone rules and the main process's disagree, and main's tz data. */
export type ZoneRulesCheck = {
  /** The zones and dates checked (`YYYY-MM-DD`, UTC). */
  span: { zones: string[]; from: string; to: string };
  mainTz: TzDataVersions;
  disagreements: OffsetDisagreement[];
};

const DAY_MS = 86_400_000;
const checks = new Map<string, Promise<ZoneRulesCheck>>();

/**
 * Compares this window's offsets (Temporal over the browser engine's Intl data) with the main process's (Node's)
 * for the plan's zones over its dates, once per set of zones and dates.
 * Why: Chromium and Node can ship different tz data; a handoff or a night would then sit at different instants in
 * the window and in the command line without anyone noticing.
 */
export function checkZoneRules(plan: Plan): Promise<ZoneRulesCheck> {
  const span = planZoneSpan(plan);
  const key = `${span.zones.join(',')}|${span.from}|${span.to}`;
  let check = checks.get(key);
  if (!check) {
    check = api.ref.zoneOffsets(span).then((raw) => {
      const answer = zoneOffsetsAnswerSchema.parse(raw);
      const fromMs = Date.parse(`${span.from}T00:00:00Z`);
      const toMs = Date.parse(`${span.to}T00:00:00Z`) + DAY_MS;
      const here = span.zones.map((zone) => zoneOffsetTable(zone, fromMs, toMs));
      return {
        span,
        mainTz: { tzdata: answer.tzdata, icu: answer.icu },
        disagreements: compareOffsetTables(here, answer.tables),
      };
    });
    check.catch(() => checks.delete(key));
    checks.set(key, check);
  }
  return check;
}

/** The zone-rules check of a plan as React state: null until it has answered; `error` when it could not run. */
export function useZoneRulesCheck(plan: Plan | null): { check: ZoneRulesCheck | null; error: string | null } {
  const [state, setState] = useState<{ plan: Plan; check: ZoneRulesCheck | null; error: string | null }>();
  useEffect(() => {
    if (!plan) return;
    let live = true;
    checkZoneRules(plan).then(
      (check) => live && setState({ plan, check, error: null }),
      (e: unknown) =>
        live && setState({ plan, check: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [plan]);
  return { check: state?.check ?? null, error: state?.error ?? null };
}
