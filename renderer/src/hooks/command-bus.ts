import { useEffect, useRef } from 'react';
import { APP_EVENTS, isMenuCommand, type AppEvents, type MenuCommand } from '../../../shared/ipc/events';

/** What a command handler gets: the recent file's path for `file:openRecent`, nothing otherwise. */
export type CommandArgs = { path?: string };
type CommandHandler = (args: CommandArgs) => void;

// The latest handler per command; features register while mounted. One map, so the native menu, the in-app
// File menu and the keyboard all reach the same code.
const handlers = new Map<MenuCommand, CommandHandler[]>();
const changeListeners = new Set<() => void>();

/** Runs a command's most recently registered handler; false when nothing handles it right now. */
export function runCommand(command: MenuCommand, args: CommandArgs = {}): boolean {
  const stack = handlers.get(command);
  const handler = stack?.[stack.length - 1];
  if (!handler) return false;
  handler(args);
  return true;
}

/** Whether something handles the command now (menus grey out the rest). */
export function hasCommand(command: MenuCommand): boolean {
  return (handlers.get(command)?.length ?? 0) > 0;
}

/** Registers a handler for as long as the calling component is mounted; the newest registration wins. */
export function useCommand(command: MenuCommand, handler: CommandHandler): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const entry: CommandHandler = (args) => latest.current(args);
    const stack = handlers.get(command) ?? [];
    handlers.set(command, [...stack, entry]);
    changeListeners.forEach((l) => l());
    return () => {
      handlers.set(
        command,
        (handlers.get(command) ?? []).filter((h) => h !== entry),
      );
      changeListeners.forEach((l) => l());
    };
  }, [command]);
}

/** Subscribes to handler registrations (for menus that show which commands are available). */
export function onCommandsChanged(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

type DesktopBridge = {
  on<E extends keyof AppEvents>(event: E, listener: (payload: AppEvents[E]) => void): () => void;
  pathForFile(file: File): string;
};

declare global {
  // The preload's desktop bridge; absent in the browser preview.
  var rotaplanDesktop: DesktopBridge | undefined;
}

/** The desktop bridge when running in Electron, undefined in the browser preview. */
export function desktopBridge(): DesktopBridge | undefined {
  return globalThis.rotaplanDesktop;
}

/** Listens to one main → renderer event; a no-op in the preview, which has no main process to send any. */
export function onAppEvent<E extends keyof AppEvents>(
  event: E,
  listener: (payload: AppEvents[E]) => void,
): () => void {
  const bridge = desktopBridge();
  if (!bridge || !APP_EVENTS.includes(event)) return () => {};
  return bridge.on(event, listener);
}

/** Routes the native menu's clicks to the command bus (mounted once by the app shell). */
export function useNativeMenuCommands(): void {
  useEffect(
    () =>
      onAppEvent('menu:command', (payload) => {
        if (isMenuCommand(payload.command)) runCommand(payload.command, { path: payload.path });
      }),
    [],
  );
}
