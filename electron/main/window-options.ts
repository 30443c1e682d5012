import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The content security policy of the app window: only the app's own scripts and styles, no eval, no remote content.
 * Mantine and FullCalendar set inline style attributes, so styles allow 'unsafe-inline'; scripts never do.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The hardened options of the main window (Electron's security checklist). The window itself is created with them
 * written out in `new BrowserWindow({…})` (electron/main/index.ts), where Electronegativity can read each one; the
 * main-shell test keeps the two equal.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Rotaplan',
    backgroundColor: '#f8f9fa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // No auxclick events: a middle-click cannot open or follow a link (new windows are denied anyway).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  };
}
