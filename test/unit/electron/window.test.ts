import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { hardenContents, hardenSession, isAppUrl } from '../../../electron/main/harden';
import { CONTENT_SECURITY_POLICY, mainWindowOptions } from '../../../electron/main/window-options';

describe('main window hardening', () => {
  it('turns on isolation and sandbox and turns off node integration', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('has a CSP without unsafe-eval and without remote sources', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });

  it('knows the app URL from any other', () => {
    expect(isAppUrl('file:///opt/Rotaplan/resources/app.asar/out/renderer/index.html', 'file://')).toBe(true);
    expect(isAppUrl('https://example.com/', 'file://')).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/team', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('not a url', 'file://')).toBe(false);
  });

  it('denies new windows, blocks navigation away and webviews', () => {
    const contents = new EventEmitter() as EventEmitter & {
      setWindowOpenHandler: (h: () => unknown) => void;
    };
    let openHandler: (() => unknown) | null = null;
    contents.setWindowOpenHandler = (h) => (openHandler = h);
    hardenContents(contents as unknown as WebContents, 'file://');
    expect(openHandler!()).toEqual({ action: 'deny' });

    const prevented: string[] = [];
    const event = (name: string) => ({ preventDefault: () => prevented.push(name) });
    contents.emit('will-navigate', event('away'), 'https://attacker.example/');
    contents.emit('will-navigate', event('home'), 'file:///app/out/renderer/index.html');
    contents.emit('will-redirect', event('redirect'), 'http://attacker.example/');
    contents.emit('will-attach-webview', event('webview'));
    expect(prevented).toEqual(['away', 'redirect', 'webview']);
  });

  it('denies every permission and sets the CSP header on responses', () => {
    let requestHandler: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
    let checkHandler: (() => boolean) | null = null;
    let headersHandler: ((d: unknown, cb: (r: unknown) => void) => void) | null = null;
    const session = {
      setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
      webRequest: { onHeadersReceived: (h: typeof headersHandler) => (headersHandler = h) },
    };
    hardenSession(session as unknown as Session);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      requestHandler!(null, permission, (ok) => answers.push(ok));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(checkHandler!()).toBe(false);
    let headers: unknown = null;
    headersHandler!({ responseHeaders: { 'X-Test': ['1'] } }, (r) => (headers = r));
    expect(headers).toEqual({
      responseHeaders: { 'X-Test': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
});
