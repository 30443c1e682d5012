// The process bench/crash/run.ts kills: it saves versions 1, 2, 3 … of a plan through the real plan store as fast
// as it can and reports each one on stdout, synchronously, before and after the save.
//   start K   the save of version K begins (the file may hold K from now on)
//   done K    the save of version K resolved (the file must hold K or a later version from now on)
import { writeSync } from 'node:fs';
import { createPlanStore } from '../../electron/store/plan-store';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import { versionFromName, versionOf } from './versions';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: worker.ts USER_DATA_DIR\n');
  process.exit(2);
}

// writeSync on fd 1: the line is in the pipe before the next instruction runs, so a SIGKILL cannot lose it.
const report = (line: string) => writeSync(1, `${line}\n`);

const store = createPlanStore({ userDataDir: dir, createDefaultPlan: createSamplePlan });
const loaded = await store.load();
if (loaded.notice?.kind === 'recovered') report(`recovered ${loaded.notice.message}`);
let k = versionFromName(loaded.plan.meta.name) ?? 0;
report(`ready ${k}`);
for (;;) {
  k += 1;
  report(`start ${k}`);
  await store.save(versionOf(loaded.plan, k));
  report(`done ${k}`);
}
