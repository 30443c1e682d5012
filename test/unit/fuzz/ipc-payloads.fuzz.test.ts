import fc from 'fast-check';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher, type Dispatch } from '../../../electron/handlers/dispatch';
import { createHandlers } from '../../../electron/handlers/index';
import { startPreviewServer, type PreviewServer } from '../../../electron/preview/server';
import { createPlanStore, type PlanStore } from '../../../electron/store/plan-store';
import { CHANNELS, type Channel } from '../../../shared/ipc/channels';
import { requestSchemas, type IpcResult } from '../../../shared/ipc/contract';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { validatePlanFully } from '../../../shared/plan/validate-full';
import { mutate, mutationArb, SMALL_SAMPLE, unclearProblems } from './fuzz-helpers';

const SEED = 20270303;
vi.setConfig({ testTimeout: 60_000 });

let dir: string;
let store: PlanStore;
let dispatch: Dispatch;
let unexpected: string[];
let planBytes: Buffer;
const planFile = () => join(dir, 'plan.rotaplan.json');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotaplan-fuzz-ipc-'));
  store = createPlanStore({
    userDataDir: dir,
    createDefaultPlan: createSamplePlan,
    now: () => new Date('2027-03-01T10:00:00.000Z'),
  });
  unexpected = [];
  dispatch = createDispatcher(
    createHandlers({ store, mode: 'preview', version: '0.1.0-fuzz', userDataDir: dir }),
    (error, channel) => unexpected.push(`${channel}: ${String(error)}`),
  );
  await store.load();
  planBytes = await readFile(planFile());
});
afterAll(async () => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }));

/** After every property: the open plan and its file are exactly as before, and no handler failed unexpectedly. */
async function expectPlanUntouched() {
  expect(unexpected).toEqual([]);
  expect(store.currentPath).toBe(planFile());
  expect((await readFile(planFile())).equals(planBytes)).toBe(true);
}

function expectClearRefusal(result: IpcResult<unknown>, codes: readonly string[]) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(codes).toContain(result.error.code);
  expect(result.error.message.length).toBeGreaterThan(10);
  if (result.error.problems) expect(unclearProblems(result.error.problems)).toBeNull();
}

// Any JS value a caller could send, including the odd ones (null-prototype objects, sparse arrays, -0).
const anyPayload = fc.oneof(
  fc.anything({ withNullPrototype: true, withSparseArray: true, maxDepth: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
  // Objects shaped like real payloads with wrong values or extra keys.
  fc.dictionary(
    fc.constantFrom('plan', 'path', 'id', 'extra', '__proto__', 'constructor'),
    fc.anything({ maxDepth: 2 }),
  ),
);

describe('fuzz: every IPC payload schema, through the dispatcher with the real handlers', () => {
  it.each([...CHANNELS])(
    '%s refuses 250 bad payloads with bad-payload and the JSON path',
    async (channel: Channel) => {
      const schema = requestSchemas[channel];
      // Only what the channel's schema refuses: a payload it accepts is not a bad input for this channel.
      const bad = anyPayload.filter((p) => !schema.safeParse(p ?? {}).success);
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(bad, async (payload) => {
          runs += 1;
          const result = await dispatch(channel, payload);
          expectClearRefusal(result, ['bad-payload']);
          if (!result.ok) {
            expect(result.error.message.startsWith(`Refused ${channel}: `)).toBe(true);
            expect(result.error.problems?.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 250, seed: SEED, timeout: 5_000 },
      );
      expect(runs).toBe(250);
      await expectPlanUntouched();
    },
  );

  it('refuses 300 unknown channel names', async () => {
    const names = fc.string({ maxLength: 30 }).filter((c) => !(CHANNELS as readonly string[]).includes(c));
    await fc.assert(
      fc.asyncProperty(names, anyPayload, async (channel, payload) => {
        expectClearRefusal(await dispatch(channel, payload), ['unknown-channel']);
      }),
      { numRuns: 300, seed: SEED },
    );
    await expectPlanUntouched();
  });

  it('refuses 150 invalid plans on each of plan:save, conflict:keepMine and conflict:compare, naming paths', async () => {
    const invalidPlans = mutationArb
      .map((m) => mutate(SMALL_SAMPLE, m).doc)
      .filter((doc) => doc !== null && typeof doc === 'object' && !validatePlanFully(doc).ok);
    for (const channel of ['plan:save', 'conflict:keepMine', 'conflict:compare'] as const) {
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(invalidPlans, async (plan) => {
          runs += 1;
          const result = await dispatch(channel, { plan });
          expectClearRefusal(result, ['invalid-plan', 'newer-version']);
          if (!result.ok) expect(result.error.message).toContain('The file on disk is unchanged.');
        }),
        { numRuns: 150, seed: SEED, timeout: 5_000 },
      );
      expect(runs).toBe(150);
      await expectPlanUntouched();
    }
  });

  it('refuses 300 files that are not plans on plan:open, and 100 unknown backup ids', async () => {
    const files = join(dir, 'not-plans');
    await mkdir(files);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
          mutationArb.map((m) => JSON.stringify(mutate(SMALL_SAMPLE, m).doc)),
          fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
        ),
        async (content) => {
          const file = join(files, `f${n++}.rotaplan.json`);
          await writeFile(file, content);
          const valid = (() => {
            try {
              return validatePlanFully(JSON.parse(content.replace(/^\uFEFF/, ''))).ok;
            } catch {
              return false;
            }
          })();
          if (valid) return; // a mutation that left the plan valid would (rightly) open
          const result = await dispatch('plan:open', { path: file });
          expectClearRefusal(result, ['invalid-plan', 'newer-version']);
          if (!result.ok) expect(result.error.message).toContain('The plan you had open is unchanged.');
        },
      ),
      { numRuns: 300, seed: SEED, timeout: 5_000 },
    );
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/), async (id) => {
        expectClearRefusal(await dispatch('plan:restoreBackup', { id }), ['not-found']);
      }),
      { numRuns: 100, seed: SEED },
    );
    await expectPlanUntouched();
  });
});

describe('fuzz: the preview server`s IPC door', () => {
  let server: PreviewServer;
  beforeAll(async () => {
    const rendererDir = join(dir, 'renderer');
    await mkdir(rendererDir, { recursive: true });
    server = await startPreviewServer({ rendererDir, dispatch, token: 'fuzz-token-0123456789' });
  });
  afterAll(async () => server.close());

  it('answers 200 arbitrary request bodies with a clear refusal, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHANNELS),
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
        ),
        async (channel, body) => {
          const response = await fetch(`http://127.0.0.1:${server.port}/ipc/${channel}`, {
            method: 'POST',
            headers: { 'x-rotaplan-token': 'fuzz-token-0123456789', 'content-type': 'application/json' },
            body,
          });
          expect(response.status).toBe(200);
          const result = (await response.json()) as IpcResult<unknown>;
          let payload: unknown;
          try {
            payload = body === '' ? {} : JSON.parse(body);
          } catch {
            expectClearRefusal(result, ['bad-payload']);
            return;
          }
          if (requestSchemas[channel].safeParse(payload ?? {}).success) return; // a good request, answered
          expectClearRefusal(result, ['bad-payload']);
        },
      ),
      { numRuns: 200, seed: SEED, timeout: 5_000 },
    );
    await expectPlanUntouched();
  });
});
