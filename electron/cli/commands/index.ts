import type { Command } from '../cli-io';

/** A command as the registry knows it: its usage line, and how to load the module that runs it. */
export type CommandEntry = { usage: string; load: () => Promise<Command> };

/**
 * Every `rotaplan` command by name, in the order the usage text lists them. Each command's module is imported only
 * when that command runs, so `help` or `validate` never load HiGHS, the holiday tables or the exporters; the usage
 * lines live here for the same reason. A new command adds one entry.
 */
export const COMMANDS: Record<string, CommandEntry> = {
  sample: {
    usage:
      'sample [--out FILE] [--variant weekly|follow-the-sun]\n' +
      '                             write a sample plan (Pacific Infra Group) to FILE or standard output',
    load: async () => (await import('./sample')).sampleCommand,
  },
  validate: {
    usage:
      'validate FILE              check a plan: exit 0 when valid, 1 with one "path: message" line per problem',
    load: async () => (await import('./validate')).validateCommand,
  },
  export: {
    usage:
      'export FILE --format md|html|pdf|ics|csv|json [--member ID] [--layer ID] [--from DATE] [--to DATE]\n' +
      '             [--csv shifts|load|ownership] [--reminder MINUTES] [--include holidays,investor-weeks] [--out OUT]\n' +
      '                             write the plan, its report (html, pdf), calendar (ics) or tables (csv)',
    load: async () => (await import('./export')).exportCommand,
  },
  analyze: {
    usage:
      'analyze FILE [--from DATE] [--to DATE] [--json] [--fail-on warning|error]\n                             load per member, fairness metrics and flags with fixes',
    load: async () => (await import('./analyze')).analyzeCommand,
  },
  simulate: {
    usage:
      'simulate FILE [--runs N] [--seed S] [--json]\n                             Monte Carlo incidents: pages per member, SLA breaches per pipeline',
    load: async () => (await import('./simulate')).simulateCommand,
  },
  optimize: {
    usage:
      'optimize FILE [--from DATE] [--to DATE] [--strategy optimal|round-robin|least-recent|all]\n' +
      '                  [--time-limit SECONDS] [--gap FRACTION] [--change-weight W] [--out FILE2] [--json]\n' +
      '                             propose a fair rotation (HiGHS) or a baseline, with loads and changes',
    load: async () => (await import('./optimize')).optimizeCommand,
  },
  pay: {
    usage:
      'pay FILE [--from DATE] [--to DATE] [--rules RULES.json] [--json] [--csv]\n' +
      "                             on-call pay per member and rule from the plan's pay rules (or RULES.json);\n" +
      '                             --csv: one payroll row per member and month',
    load: async () => (await import('./pay')).payCommand,
  },
  import: {
    usage:
      'import FILE --ics SCHEDULE.ics [--out FILE2] [--map EMAIL_OR_NAME=MEMBER_ID ...]\n                             read an on-call schedule (.ics from PagerDuty, Opsgenie, Grafana OnCall, GoAlert,\n                             Google Calendar) into the plan and print its fairness; writes only with --out\n                             (never over FILE itself)',
    load: async () => (await import('./import')).importCommand,
  },
  generate: {
    usage:
      'generate FILE --out FILE2 [--from DATE] [--to DATE] [--json]\n' +
      '                             build the shifts from the rotation settings (as Regenerate in the app does)',
    load: async () => (await import('./generate')).generateCommand,
  },
  diff: {
    usage:
      'diff OLD NEW [--json]       what changed between two plans: members, pipelines, ownership, settings, shifts\n' +
      "                             by week, fairness before/after (also git's external diff: seven arguments);\n" +
      '                             diff FILE prints the plan as readable lines (git textconv)',
    load: async () => (await import('./diff')).diffCommand,
  },
  merge: {
    usage:
      'merge BASE OURS THEIRS [--json]\n' +
      '                             three-way merge of plans into OURS (git: merge %O %A %B); exit 1 with the\n' +
      '                             conflicts recorded in the plan; merge FILE lists the conflicts FILE records',
    load: async () => (await import('./merge')).mergeCommand,
  },
  publish: {
    usage:
      'publish FILE --target pagerduty|terraform-pagerduty|terraform-grafana-oncall|terraform-opsgenie|goalert\n' +
      '             (--out DIR | --check DIR) [--from DATE] [--to DATE] [--map EMAIL=ID]... [--allow-diff] [--json]\n' +
      "                             compile the plan to the paging tool's files, expand them by the tool's rules and\n" +
      '                             write only when they page exactly the plan; --check verifies files in DIR (exit 1\n' +
      '                             with the differences)',
    load: async () => (await import('./publish')).publishCommand,
  },
  'git-setup': {
    usage:
      'git-setup [DIR] [--command CMD]\n' +
      "                             write .gitattributes and the repository's git config for the plan diff and\n" +
      '                             merge drivers (CMD: how to start rotaplan, default "rotaplan")',
    load: async () => (await import('./git-setup')).gitSetupCommand,
  },
};
