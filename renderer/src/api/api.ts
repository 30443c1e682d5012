import { CHANNELS, splitChannel, type Channel } from '../../../shared/ipc/channels';
import { withShiftObjects } from '../../../shared/ipc/wire-shifts';
import type {
  IpcErrorShape,
  IpcResult,
  RequestOf,
  ResponseOf,
  RotaplanApi,
} from '../../../shared/ipc/contract';

/** An IPC call that failed: the handler's code, sentence and JSON-path problems. */
export class ApiError extends Error {
  constructor(readonly shape: IpcErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
  }
}

type Transport = (channel: Channel, payload: unknown) => Promise<IpcResult<unknown>>;

declare global {
  // The preload's bridge; absent in the browser preview.
  var rotaplan: RotaplanApi | undefined;
}

function preloadTransport(bridge: RotaplanApi): Transport {
  return (channel, payload) => {
    const { domain, verb } = splitChannel(channel);
    const fn = (
      bridge as unknown as Record<string, Record<string, (p: unknown) => Promise<IpcResult<unknown>>>>
    )[domain]?.[verb];
    if (!fn)
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown-channel', message: `No bridge for ${channel}` },
      });
    // Plans come with their shifts as columns (see wire-shifts.ts).
    return fn(payload).then((result) =>
      result.ok ? { ok: true as const, value: withShiftObjects(result.value) } : result,
    );
  };
}

const httpTransport: Transport = async (channel, payload) => {
  let response: Response;
  try {
    response = await fetch(`/ipc/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(payload ?? {}),
    });
  } catch (error) {
    return {
      ok: false,
      error: { code: 'io', message: `The preview server did not answer (${(error as Error).message}).` },
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      error: { code: 'io', message: `The preview server refused ${channel}: ${await response.text()}` },
    };
  }
  const result = JSON.parse(await readText(response)) as IpcResult<unknown>;
  // Plans come with their shifts as columns (see wire-shifts.ts).
  return result.ok ? { ok: true, value: withShiftObjects(result.value) } : result;
};

/**
 * The body as text, read from its stream chunk by chunk.
 * Why not `response.text()`: in Chromium it took ~0.35 s to hand over the 6 MB answer of a big plan's `plan:load`
 * (measured in bench/ui), reading the stream ~0.1 s.
 */
async function readText(response: Response): Promise<string> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

function transport(): Transport {
  return globalThis.rotaplan ? preloadTransport(globalThis.rotaplan) : httpTransport;
}

/** Calls one channel and unwraps its result, throwing ApiError with the handler's message on failure. */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await transport()(channel, request);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as ResponseOf<C>;
}

type UnwrappedApi = {
  [D in keyof RotaplanApi]: {
    [V in keyof RotaplanApi[D]]: RotaplanApi[D][V] extends (request: infer Q) => Promise<IpcResult<infer R>>
      ? (request: Q) => Promise<R>
      : never;
  };
};

/**
 * The renderer's only door to the main side: `api.plan.save({ plan })`. It talks to the preload in Electron and to
 * the preview server over HTTP in a browser; either way the same contract, the same handlers.
 */
export const api: UnwrappedApi = (() => {
  const out: Record<string, Record<string, (request: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const { domain, verb } = splitChannel(channel);
    out[domain] ??= {};
    out[domain][verb] = (request) => call(channel, request as never);
  }
  return out as unknown as UnwrappedApi;
})();
