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
  // The body whole, as bytes. Why not a stream reader (faster than text() for a big plan's answer): Chromium
  // counted every answer read that way as an aborted request (net::ERR_ABORTED) although its data arrived.
  const result = JSON.parse(new TextDecoder().decode(await response.arrayBuffer())) as IpcResult<unknown>;
  // Plans come with their shifts as columns (see wire-shifts.ts).
  return result.ok ? { ok: true, value: withShiftObjects(result.value) } : result;
};

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
