import { StoreError } from '../../../electron/store/store-error';

/** The rejection of a promise, as the StoreError it must be (fails the test when it resolves or throws another). */
export async function refusal(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}
