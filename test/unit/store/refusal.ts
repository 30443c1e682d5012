import { IpcError } from '../../../electron/handlers/ipc-error';

/** The rejection of a promise, as the IpcError it must be (fails the test when it resolves or throws another). */
export async function refusal(promise: Promise<unknown>): Promise<IpcError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IpcError);
  return error as IpcError;
}
