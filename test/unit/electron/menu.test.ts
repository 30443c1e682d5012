import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MenuPlatform } from '../../../electron/main/menu';
import { MENU_COMMANDS, type AppEvents } from '../../../shared/ipc/events';
import { MENU_LABELS } from '../../../shared/ipc/menu-labels';

type Item = MenuItemConstructorOptions;

function build(platform: MenuPlatform, recentFiles: string[] = [], development = false) {
  const sent: AppEvents['menu:command'][] = [];
  const template = buildMenuTemplate({
    platform,
    recentFiles,
    appName: 'Rotaplan',
    send: (p) => sent.push(p),
    development,
  });
  return { template, sent };
}

function walk(items: Item[]): Item[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? walk(i.submenu as Item[]) : [])]);
}
const byId = (items: Item[], id: string) => walk(items).find((i) => i.id === id);
const labels = (items: Item[]) => items.map((i) => i.label ?? i.role);
const submenuOf = (items: Item[], label: string) =>
  (items.find((i) => i.label === label)?.submenu ?? []) as Item[];
const click = (i: Item | undefined) => (i!.click as unknown as () => void)();

describe('application menu template', () => {
  it('macOS: the app menu comes first with About, Preferences ⌘,, Services, Hide, Quit; a Window menu', () => {
    const { template } = build('darwin');
    expect(labels(template)).toEqual(['Rotaplan', '&File', '&Edit', '&View', 'windowMenu', '&Help']);
    const appMenu = template[0]!.submenu as Item[];
    expect(appMenu.map((i) => i.role ?? i.label ?? i.type)).toEqual([
      'about',
      'separator',
      'Preferences…',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    expect(appMenu[2]).toMatchObject({ id: 'app:preferences', accelerator: 'CmdOrCtrl+,' });
    // No Quit or Preferences under File or Edit on a Mac; File ends with Close Window.
    const file = submenuOf(template, '&File');
    expect(file.at(-1)).toEqual({ role: 'close' });
    expect(walk(template).filter((i) => i.role === 'quit')).toHaveLength(1);
    expect(walk(template).filter((i) => i.id === 'app:preferences')).toHaveLength(1);
    expect(byId(template, 'edit:redo')?.accelerator).toBe('Shift+Cmd+Z');
  });

  it('Windows: Preferences and Exit under File, About under Help, Ctrl+Y redoes', () => {
    const { template } = build('win32');
    expect(labels(template)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const file = submenuOf(template, '&File');
    expect(file.slice(-3).map((i) => i.id ?? i.type ?? i.role)).toEqual([
      'app:preferences',
      'separator',
      'quit',
    ]);
    expect(file.at(-1)).toMatchObject({ role: 'quit', label: 'E&xit' });
    expect(submenuOf(template, '&Help').at(-1)).toMatchObject({ id: 'app:about', label: '&About Rotaplan' });
    expect(byId(template, 'edit:redo')?.accelerator).toBe('Ctrl+Y');
  });

  it('Linux: Preferences at the end of Edit, Quit (Ctrl+Q) at the end of File', () => {
    const { template } = build('linux');
    expect(submenuOf(template, '&Edit').at(-1)).toMatchObject({ id: 'app:preferences' });
    expect(submenuOf(template, '&File').at(-1)).toMatchObject({ role: 'quit', accelerator: 'Ctrl+Q' });
  });

  it('accelerators: the frequent actions and Cmd/Ctrl+1…9 for the views in navigation order', () => {
    const { template } = build('linux');
    const accel = (id: string) => byId(template, id)?.accelerator;
    expect({
      new: accel('file:new'),
      open: accel('file:open'),
      save: accel('edit:save'),
      saveAs: accel('file:saveAs'),
      undo: accel('edit:undo'),
      today: accel('calendar:today'),
      newShift: accel('calendar:newShift'),
      team: accel('view:team'),
      calendar: accel('view:calendar'),
      export: accel('view:export'),
    }).toEqual({
      new: 'CmdOrCtrl+N',
      open: 'CmdOrCtrl+O',
      save: 'CmdOrCtrl+S',
      saveAs: 'Shift+CmdOrCtrl+S',
      undo: 'CmdOrCtrl+Z',
      today: 'CmdOrCtrl+T',
      newShift: 'Shift+CmdOrCtrl+N',
      team: 'CmdOrCtrl+1',
      calendar: 'CmdOrCtrl+4',
      export: 'CmdOrCtrl+9',
    });
    // No accelerator is given to two items.
    const all = walk(template)
      .map((i) => i.accelerator)
      .filter(Boolean);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each(['darwin', 'win32', 'linux'] as const)(
    '%s: every menu command is reachable and its click sends it (About is the native panel on a Mac)',
    (platform) => {
      const { template, sent } = build(platform, ['/home/ana/plans/team-b.rotaplan.json']);
      const expected = MENU_COMMANDS.filter((c) => !(platform === 'darwin' && c === 'app:about'));
      for (const command of expected) {
        const found =
          command === 'file:openRecent' ? byId(template, 'file:openRecent:0') : byId(template, command);
        expect(found, command).toBeDefined();
        click(found);
      }
      expect(sent.map((s) => s.command)).toEqual(expected);
      expect(sent.find((s) => s.command === 'file:openRecent')).toEqual({
        command: 'file:openRecent',
        path: '/home/ana/plans/team-b.rotaplan.json',
      });
    },
  );

  it('Open Recent lists the files by name with the full path, or says there are none', () => {
    const withFiles = build('linux', ['/srv/a.rotaplan.json', '/home/b.rotaplan.json']).template;
    const recent = submenuOf(submenuOf(withFiles, '&File'), 'Open Recent');
    expect(recent.map((i) => [i.label, i.sublabel])).toEqual([
      ['a.rotaplan.json', '/srv/a.rotaplan.json'],
      ['b.rotaplan.json', '/home/b.rotaplan.json'],
    ]);
    const none = submenuOf(submenuOf(build('linux').template, '&File'), 'Open Recent');
    expect(none).toEqual([{ label: 'No Recent Plans', enabled: false }]);
  });

  it('reload and developer tools only in development; undo is the plan`s, not the web contents`', () => {
    const roles = (t: Item[]) => walk(t).map((i) => i.role);
    expect(roles(build('linux').template)).not.toContain('toggleDevTools');
    expect(roles(build('linux').template)).not.toContain('reload');
    expect(roles(build('linux', [], true).template)).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
    expect(roles(build('darwin').template)).not.toContain('undo');
    expect(roles(build('darwin').template)).not.toContain('redo');
    expect(roles(build('darwin').template)).toEqual(expect.arrayContaining(['cut', 'copy', 'paste']));
  });

  it('labels every command item from the shared table (a Windows/Linux mnemonic aside)', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const items = walk(build(platform).template).filter(
        (i): i is Item & { id: keyof typeof MENU_LABELS } => i.id !== undefined && i.id in MENU_LABELS,
      );
      expect(items.length).toBeGreaterThan(20);
      for (const i of items) expect(String(i.label).replace(/^&/, ''), i.id).toBe(MENU_LABELS[i.id]);
    }
    expect(byId(build('linux').template, 'file:saveAs')?.label).toBe('Save As…');
    expect(byId(build('linux').template, 'file:export:csv-load')?.label).toBe('Load per Member (CSV)…');
  });
});
