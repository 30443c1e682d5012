import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder Electron's app.getPath('userData') gives for an app named Rotaplan, computed without Electron.
 * Why: the browser preview must use the same plan file as the desktop app.
 */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  const home = homedir();
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Rotaplan');
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Rotaplan');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Rotaplan');
  }
}
