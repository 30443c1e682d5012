import { basename } from 'node:path';

/** The extension of saved plans. */
export const PLAN_EXTENSION = '.rotaplan.json';

/** A compact UTC timestamp for file names: 20261127T063015123Z (sortable, no colons for Windows). */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('.', '');
}

/** The plan's name without its extension, safe to use inside another file name. */
export function planBaseName(path: string): string {
  const name = basename(path)
    .replace(/\.rotaplan\.json$/i, '')
    .replace(/\.json$/i, '');
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'plan';
}

/** A readable UTC timestamp for a file name a user will see: 2026-11-27T06-30-15Z (no colons for Windows). */
export function readableStamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/:/g, '-')}Z`;
}

/** The plan's file name without its extension, unchanged (spaces and all), for names the user reads. */
export function planDisplayName(path: string): string {
  return (
    basename(path)
      .replace(/\.rotaplan\.json$/i, '')
      .replace(/\.json$/i, '') || 'plan'
  );
}
