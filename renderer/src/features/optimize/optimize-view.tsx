import { NotYetView } from '../placeholder/not-yet-view';

/** Propose a fair rotation, compare strategies and find swaps (issue 6). */
export function OptimizeView() {
  return (
    <NotYetView
      title="Optimise"
      issue={6}
      purpose="Propose a provably fair rotation, compare it with round-robin and least-recent, and find who can take a shift."
    />
  );
}
