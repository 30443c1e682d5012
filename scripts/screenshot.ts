// Dev aid: `npx tsx scripts/screenshot.ts VIEW OUT.png` opens the built app in the preview and saves a screenshot.
import { animationsDone, openApp } from '../test/e2e/harness';

const [view = 'team', out = '/tmp/rotaplan.png'] = process.argv.slice(2);
const session = await openApp();
await session.page.waitForSelector('[data-testid="plan-name"]');
await session.page.click(`[data-view="${view}"]`);
await animationsDone(session.page);
await session.page.screenshot({ path: out, fullPage: false });
await session.close();
console.log(`saved ${out}`);
