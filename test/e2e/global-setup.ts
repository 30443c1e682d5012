import { requireTestBrowser } from '../../electron/browser/find-browser';

/**
 * Before any end-to-end file starts: find the browser the suite drives, or stop the run at once with the sentence
 * saying where it looked and how to get one (never a skipped suite, never a timeout per test).
 */
export default async function findTestBrowser(): Promise<void> {
  await requireTestBrowser();
}
