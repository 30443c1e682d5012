import type { Plan, Wish } from '../schema';
import type { EditOutcome } from './edit-outcome';
import { refuse } from './edit-outcome';

/**
 * Edits of the optimiser's soft wishes (a member prefers or avoids being on call on some dates).
 * Why their own domain: wishes belong to no member's profile and no rotation setting; they only weigh on the
 * optimiser's objective. The `wishes` key disappears with the last wish, so plans without wishes stay as they were.
 */
export type WishEdit =
  | { kind: 'wish:add'; wish: Wish }
  | { kind: 'wish:update'; wishId: string; fields: Partial<Omit<Wish, 'id'>> }
  | { kind: 'wish:remove'; wishId: string };

function withWishes(plan: Plan, wishes: Wish[]): Plan {
  const { wishes: _old, ...rest } = plan;
  return wishes.length === 0 ? rest : { ...rest, wishes };
}

/** Applies a wish edit (unvalidated; `applyEdit` validates the result and its member reference). */
export function applyWishEdit(plan: Plan, edit: WishEdit): EditOutcome {
  const wishes = plan.wishes ?? [];
  switch (edit.kind) {
    case 'wish:add':
      if (wishes.some((w) => w.id === edit.wish.id)) return refuse(`a wish with id "${edit.wish.id}" exists`);
      return withWishes(plan, [...wishes, edit.wish]);
    case 'wish:update': {
      if (!wishes.some((w) => w.id === edit.wishId)) return refuse(`no wish has id "${edit.wishId}"`);
      return withWishes(
        plan,
        wishes.map((w) => (w.id === edit.wishId ? { ...w, ...edit.fields } : w)),
      );
    }
    case 'wish:remove':
      if (!wishes.some((w) => w.id === edit.wishId)) return refuse(`no wish has id "${edit.wishId}"`);
      return withWishes(
        plan,
        wishes.filter((w) => w.id !== edit.wishId),
      );
  }
}
