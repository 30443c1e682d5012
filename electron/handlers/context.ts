import type { OptimizeJobs } from '../optimize/optimize-jobs';
import type { PrefsStore } from '../prefs/prefs-store';
import type { PlanStore } from '../store/plan-store';

/**
 * Native dialogs, given only by Electron main. The preview has none: its handlers answer `unsupported` and the
 * renderer falls back to a browser file input.
 */
export type NativeDialogs = {
  /** Asks for a file to open; null when cancelled. */
  openFile(options: {
    title: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<string | null>;
  /** Asks where to save; null when cancelled. */
  saveFile(options: {
    title: string;
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<string | null>;
  /** Asks for a folder (one may be created on the way); null when cancelled. */
  chooseFolder(options: { title: string; defaultPath?: string }): Promise<string | null>;
};

/** What handlers may use: the store and facts about the shell they run in (Electron or the preview). */
export type HandlerContext = {
  store: PlanStore;
  mode: 'electron' | 'preview';
  version: string;
  userDataDir: string;
  /** The user's preferences (Electron and the preview; absent in tests that do not need them). */
  prefs?: PrefsStore;
  /** Native dialogs (Electron only). */
  dialogs?: NativeDialogs;
  /** Renders self-contained HTML to PDF bytes: Chromium's printToPDF in Electron, headless Chromium elsewhere. */
  renderPdf?: (html: string) => Promise<Uint8Array>;
  /**
   * The optimiser's job registry, when the shell owns it (the preview, which stops its workers on close); absent,
   * the optimiser handlers make their own.
   */
  optimizeJobs?: OptimizeJobs;
};
