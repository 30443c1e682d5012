import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchPreview } from '../../../electron/preview/launch';

type Preview = Awaited<ReturnType<typeof launchPreview>>;

describe('browser preview server', () => {
  let dir: string;
  let preview: Preview;
  const token = 'test-token-0123456789';

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rotaplan-preview-'));
    const rendererDir = join(dir, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Rotaplan</title>');
    await writeFile(join(dir, 'secret.txt'), 'outside the renderer');
    await mkdir(join(rendererDir, 'assets'));
    await writeFile(join(rendererDir, 'assets', 'index-B2kB8x1q.js'), 'export {};');
    preview = await launchPreview({ userDataDir: join(dir, 'data'), rendererDir, token });
  });
  afterEach(async () => {
    await preview.close();
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  });

  const base = () => `http://127.0.0.1:${preview.port}`;
  const ipc = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base()}/ipc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('binds to 127.0.0.1 and prints a URL carrying the token', () => {
    expect(preview.url).toBe(`http://127.0.0.1:${preview.port}/?token=${token}`);
  });

  it('refuses a page or an IPC call without the token', async () => {
    expect((await fetch(`${base()}/`)).status).toBe(403);
    const refused = await ipc('plan:load', {});
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('needs the token');
    expect((await ipc('plan:load', {}, { 'x-rotaplan-token': 'wrong-token-0123456789' })).status).toBe(403);
  });

  it('serves the page with the token and sets an HttpOnly SameSite=Strict cookie', async () => {
    const page = await fetch(preview.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBe(`rotaplan_token=${token}; HttpOnly; SameSite=Strict; Path=/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const withCookie = await fetch(`${base()}/index.html`, {
      headers: { cookie: `rotaplan_token=${token}` },
    });
    expect(withCookie.status).toBe(200);
  });

  it('gzips big answers for a client that takes gzip, and lets the browser keep content-named chunks', async () => {
    const load = await ipc('plan:load', {}, { 'x-rotaplan-token': token, 'accept-encoding': 'gzip' });
    expect(load.headers.get('content-encoding')).toBe('gzip');
    expect(((await load.json()) as { ok: boolean }).ok).toBe(true);
    const small = await ipc('app:info', {}, { 'x-rotaplan-token': token, 'accept-encoding': 'gzip' });
    expect(small.headers.get('content-encoding')).toBeNull();
    const cookie = { cookie: `rotaplan_token=${token}` };
    const chunk = await fetch(`${base()}/assets/index-B2kB8x1q.js`, { headers: cookie });
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await fetch(`${base()}/index.html`, { headers: cookie });
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('routes IPC with the token to the real handlers and store', async () => {
    const response = await ipc('plan:load', {}, { 'x-rotaplan-token': token });
    const result = await response.json();
    expect(result.ok).toBe(true);
    expect(result.value.plan.meta.organisation).toBe('Pacific Infra Group');
    expect(result.value.path).toBe(join(dir, 'data', 'plan.rotaplan.json'));
  });

  it('refuses IPC from another origin, unknown channels and bad payloads', async () => {
    const foreign = await ipc('plan:load', {}, { 'x-rotaplan-token': token, origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const unknown = await (await ipc('plan:delete', {}, { 'x-rotaplan-token': token })).json();
    expect(unknown).toEqual({
      ok: false,
      error: { code: 'unknown-channel', message: 'There is no IPC channel called "plan:delete".' },
    });
    const bad = await (await ipc('plan:open', { path: 42 }, { 'x-rotaplan-token': token })).json();
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('bad-payload');
    expect(bad.error.problems[0].path).toBe('path');
  });

  it('does not serve files outside the renderer folder', async () => {
    const response = await fetch(`${base()}/..%2Fsecret.txt`, { headers: { 'x-rotaplan-token': token } });
    expect(response.status).toBe(404);
  });
});
