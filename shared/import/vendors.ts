import type { IcsCalendarInfo, IcsOccurrence, IcsPerson } from './ics-events';

/** The tools whose exports Rotaplan recognises; `generic` is any other calendar. */
export type Vendor = 'pagerduty' | 'opsgenie' | 'grafana-oncall' | 'goalert' | 'google' | 'generic';

/** Display names for the vendors, as the Import dialog and the CLI print them. */
export const VENDOR_NAMES: Record<Vendor, string> = {
  pagerduty: 'PagerDuty',
  opsgenie: 'Opsgenie',
  'grafana-oncall': 'Grafana OnCall',
  goalert: 'GoAlert',
  google: 'Google Calendar',
  generic: 'iCalendar',
};

/**
 * Which tool made a calendar: its PRODID first, then the shape of its summaries.
 * Why both: PRODID is the tool's signature, but some feeds are re-exported through another calendar and keep only
 * the summaries ("On-Call (GoAlert: …)").
 */
export function detectVendor(calendar: IcsCalendarInfo, occurrences: IcsOccurrence[]): Vendor {
  const prodId = calendar.prodId.toLowerCase();
  if (prodId.includes('pagerduty')) return 'pagerduty';
  if (prodId.includes('opsgenie')) return 'opsgenie';
  if (prodId.includes('grafana')) return 'grafana-oncall';
  if (prodId.includes('goalert')) return 'goalert';
  if (prodId.includes('google')) return 'google';
  const summaries = occurrences.slice(0, 20).map((o) => o.summary);
  if (summaries.some((s) => /^On Call - /.test(s))) return 'pagerduty';
  if (summaries.some((s) => /On-Call \([^:]+: /.test(s))) return 'goalert';
  return 'generic';
}

/** Who an occurrence puts on call and what layer its text suggests, before matching to members. */
export type OnCallReading = { person: IcsPerson; layerText: string };

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** The first e-mail address written in free text (PagerDuty and Opsgenie put one in the description). */
function emailIn(text: string): string | null {
  return EMAIL.exec(text)?.[0] ?? null;
}

/** The person an event is about: the one attendee that is not the organizer, else the only attendee. */
function attendee(o: IcsOccurrence): IcsPerson | null {
  const organizer = o.organizer?.email?.toLowerCase();
  const others = o.attendees.filter((a) => a.email === null || a.email.toLowerCase() !== organizer);
  return others[0] ?? o.attendees[0] ?? null;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A person with a name from the summary, keeping an e-mail found elsewhere. */
function merged(from: IcsPerson | null, name: string | null, email: string | null): IcsPerson {
  return { email: from?.email ?? email, name: from?.name ?? (name && name !== '' ? name : null) };
}

/**
 * Reads one occurrence the way its vendor writes it (published export shapes):
 * - PagerDuty: `On Call - <Name> - <Schedule>` (schedule feed) or `On Call - <Schedule>` (personal feed) with the
 *   person as ATTENDEE or as the address in the description.
 * - Opsgenie: `<Name> - <Schedule>_schedule (<Rotation>)`, the person as ATTENDEE.
 * - Grafana OnCall: `[L1] <username>` (priority level, then the user), e-mail in the description when shared.
 * - GoAlert: `<Name> On-Call (GoAlert: <Schedule>)` (full-schedule feed) or `On-Call (GoAlert: <Schedule>)` (a
 *   personal feed: the person is whoever subscribed, left for the user to map).
 * - Google Calendar and others: an attendee if there is one, else the summary without "on call" words.
 */
export function readOnCall(vendor: Vendor, o: IcsOccurrence, calendar: IcsCalendarInfo): OnCallReading {
  const summary = clean(o.summary);
  const fromAttendee = attendee(o);
  const described = emailIn(o.description);
  switch (vendor) {
    case 'pagerduty': {
      const parts = summary
        .replace(/^On Call - /i, '')
        .split(' - ')
        .map(clean);
      const name = parts.length >= 2 ? parts[0]! : null;
      const schedule = parts.length >= 2 ? parts.slice(1).join(' - ') : (parts[0] ?? '');
      return {
        person: merged(fromAttendee, name, described),
        layerText: `${schedule} ${calendar.name ?? ''}`,
      };
    }
    case 'opsgenie': {
      const match = /^(.+?) - (.+)$/.exec(summary);
      const name = match ? match[1]! : summary;
      return {
        person: merged(fromAttendee, name, described),
        layerText: `${match?.[2] ?? ''} ${o.description}`,
      };
    }
    case 'grafana-oncall': {
      const match = /^\[(L\d+)\]\s*(.+)$/i.exec(summary);
      const name = match ? match[2]! : summary;
      return { person: merged(fromAttendee, name, described), layerText: match ? match[1]! : summary };
    }
    case 'goalert': {
      const match = /^(.*?)\s*On-Call \([^:]+: (.+?)\)/.exec(summary);
      const name = match && match[1] !== '' ? match[1]! : null;
      return { person: merged(fromAttendee, name, described), layerText: match?.[2] ?? summary };
    }
    case 'google':
    case 'generic': {
      const stripped = clean(
        summary
          .replace(/\((primary|secondary|backup)\)/gi, ' ')
          .replace(/\b(on[- ]?call|primary|secondary|backup|shift)\b\s*[:-]?/gi, ' ')
          .replace(/^[\s:–-]+|[\s:–-]+$/g, ''),
      );
      return { person: merged(fromAttendee, stripped || null, described), layerText: summary };
    }
  }
}
