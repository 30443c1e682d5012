import { z } from 'zod';

/** A window's place on screen, remembered between launches. */
export const windowBoundsSchema = z
  .object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().min(400).max(20000),
    height: z.number().int().min(300).max(20000),
    maximized: z.boolean(),
  })
  .strict();

/**
 * The user's preferences: kept in their own file in the user-data folder, apart from the plan, because they belong
 * to the person at this machine, not to the team's plan (a plan shared through git must not carry one manager's
 * dark mode or window position).
 */
export const preferencesSchema = z
  .object({
    /** `system` follows the OS setting. */
    theme: z.enum(['system', 'light', 'dark']),
    /** First day of the week in calendars: 0 Sunday … 6 Saturday. */
    weekStart: z.number().int().min(0).max(6),
    /** IANA zone for new plans and the calendar's display; null uses the plan's rotation zone. */
    defaultTimeZone: z.string().min(1).max(64).nullable(),
    /** Folder exports are written to (and save dialogs start in); null means `<user data>/exports`. */
    exportDir: z.string().min(1).max(4096).nullable(),
    /** Set when the first-run tour was dismissed for good. */
    tourDismissed: z.boolean(),
    /** Plan files opened lately, newest first, at most 10. */
    recentFiles: z.array(z.string().min(1).max(4096)).max(10),
    window: windowBoundsSchema.nullable(),
  })
  .strict();

/** The user's preferences (see preferencesSchema). */
export type Preferences = z.infer<typeof preferencesSchema>;

/** What a first start uses: follow the OS theme, weeks from Monday, the plan's zone, exports in user data. */
export const DEFAULT_PREFERENCES: Preferences = {
  theme: 'system',
  weekStart: 1,
  defaultTimeZone: null,
  exportDir: null,
  tourDismissed: false,
  recentFiles: [],
  window: null,
};
