import { readFileSync } from 'node:fs';

/** The app version from package.json, read once (works for the CLI, preview and packaged app alike). */
export function readAppVersion(packageJsonPath: string): string {
  try {
    return (JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
