/**
 * Every IPC channel, named `domain:verb`. Kept free of zod so the preload bundle stays tiny; `contract.ts` maps each
 * name to its request schema and response type, and the compiler checks the two lists agree.
 */
export const CHANNELS = [
  'app:info',
  'app:gitStatus',
  'plan:load',
  'plan:save',
  'plan:savePatch',
  'plan:open',
  'plan:saveAs',
  'plan:backups',
  'plan:restoreBackup',
  'conflict:reload',
  'conflict:keepMine',
  'conflict:compare',
  'ref:holidayRegions',
  'ref:zoneOffsets',
  'plan:new',
  'plan:openText',
  'prefs:get',
  'prefs:set',
  'dialog:openPlan',
  'dialog:saveAs',
  'dialog:openIcs',
  'dialog:chooseFolder',
  'export:save',
  'export:pdf',
  'optimize:start',
  'optimize:status',
  'optimize:cancel',
  'publish:targets',
  'publish:run',
  'pay:report',
  'pay:priceAt',
  'pay:compare',
] as const;

/** A channel name such as `plan:save`. */
export type Channel = (typeof CHANNELS)[number];

/** The domain part of a channel name (`plan` of `plan:save`). */
export type Domain<C extends string = Channel> = C extends `${infer D}:${string}` ? D : never;

/** The verbs of one domain (`load`, `save` … of `plan`). */
export type VerbOf<D extends string, C extends string = Channel> = C extends `${D}:${infer V}` ? V : never;

/** Splits a channel into domain and verb; the preload and the renderer's api build `rotaplan.plan.save` from it. */
export function splitChannel(channel: Channel): { domain: string; verb: string } {
  const [domain = '', verb = ''] = channel.split(':');
  return { domain, verb };
}
