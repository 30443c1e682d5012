import { requestSchemas, type IpcResult, type RequestOf, type ResponseOf } from '../../shared/ipc/contract';
import type { Channel } from '../../shared/ipc/channels';
import { CHANNELS } from '../../shared/ipc/channels';
import { problemsFromZod } from '../../shared/plan/validate';
import { toIpcError } from './ipc-error';

/** A handler for one channel: gets a validated request, returns the channel's response. */
export type Handler<C extends Channel> = (request: RequestOf<C>) => Promise<ResponseOf<C>>;

/** Handlers for some channels (one domain's worth). */
export type HandlerGroup = { [C in Channel]?: Handler<C> };

/** Handlers for every channel. */
export type HandlerMap = { [C in Channel]: Handler<C> };

/**
 * Merges domain handler groups into one map, throwing on a channel handled twice or one left unhandled.
 * Why (Actual Budget's rule): each domain declares its own handlers, and a clash is a startup error, not a
 * silent override.
 */
export function mergeHandlers(...groups: HandlerGroup[]): HandlerMap {
  const merged: HandlerGroup = {};
  for (const group of groups) {
    for (const channel of Object.keys(group) as Channel[]) {
      if (merged[channel]) throw new Error(`IPC channel ${channel} has two handlers`);
      (merged as Record<string, unknown>)[channel] = group[channel];
    }
  }
  const missing = CHANNELS.filter((c) => !merged[c]);
  if (missing.length > 0) throw new Error(`IPC channels without a handler: ${missing.join(', ')}`);
  return merged as HandlerMap;
}

function isChannel(name: string): name is Channel {
  return (CHANNELS as readonly string[]).includes(name);
}

/**
 * The one door from the outside to a handler: refuses unknown channels, validates the payload against the
 * channel's schema, runs the handler and turns every failure into an error value with a code and a sentence.
 * Electron main and the preview server both call it, after their own sender / token checks.
 */
export function createDispatcher(
  handlers: HandlerMap,
  onUnexpected: (error: unknown, channel: string) => void,
) {
  return async function dispatch(channel: string, payload: unknown): Promise<IpcResult<unknown>> {
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: { code: 'unknown-channel', message: `There is no IPC channel called "${channel}".` },
      };
    }
    const parsed = requestSchemas[channel].safeParse(payload ?? {});
    if (!parsed.success) {
      const problems = problemsFromZod(parsed.error);
      return {
        ok: false,
        error: {
          code: 'bad-payload',
          message: `Refused ${channel}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
          problems,
        },
      };
    }
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      const known = toIpcError(error);
      if (known) return { ok: false, error: known.toShape() };
      onUnexpected(error, channel);
      const message = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        error: { code: 'internal', message: `${channel} failed unexpectedly: ${message}` },
      };
    }
  };
}

/** The dispatcher's type, for the shells that call it. */
export type Dispatch = ReturnType<typeof createDispatcher>;
