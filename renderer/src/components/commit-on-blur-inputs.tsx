import {
  NumberInput,
  Textarea,
  TextInput,
  type NumberInputProps,
  type TextareaProps,
  type TextInputProps,
} from '@mantine/core';
import { useState, type FocusEvent, type KeyboardEvent } from 'react';

/** Applies a committed value; returns why it was refused, or null when the plan took it. */
export type Commit<T> = (value: T) => string | null;

/**
 * A draft that follows the plan's value until the user types, and is replaced again when the plan's value changes
 * (undo, redo, another editor). Why the "previous value" state instead of an effect: the draft is reset in the same
 * render the new value arrives, so an undo never flashes the stale draft.
 */
function useDraft<T>(value: T) {
  const [draft, setDraft] = useState<T>(value);
  const [base, setBase] = useState<T>(value);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!Object.is(base, value)) {
    setBase(value);
    setDraft(value);
    setRefusal(null);
  }
  return { draft, setDraft, refusal, setRefusal };
}

type TextCommitProps = { value: string; onCommit: Commit<string> };

/**
 * A one-line text field that edits a local draft and commits it on blur or Enter (Escape drops the draft).
 * Why: one undo step and one save per field change, not per keystroke. A refusal is shown under the field and the
 * draft is kept, so nothing the user typed is lost.
 */
export function CommitTextInput({
  value,
  onCommit,
  error,
  onBlur,
  ...rest
}: TextCommitProps & Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange'>) {
  const { draft, setDraft, refusal, setRefusal } = useDraft(value);
  const commit = () => {
    const next = draft.trim();
    if (next === value.trim()) {
      setDraft(value);
      setRefusal(null);
      return;
    }
    setRefusal(onCommit(next));
  };
  return (
    <TextInput
      {...rest}
      value={draft}
      error={refusal ?? error}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={(e: FocusEvent<HTMLInputElement>) => {
        commit();
        onBlur?.(e);
      }}
      onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          setDraft(value);
          setRefusal(null);
        }
      }}
    />
  );
}

/**
 * A multi-line text field that commits on blur or Ctrl/Cmd+Enter (plain Enter is a new line). With `singleLine` it
 * is a one-line value that wraps as it grows (Enter commits, no line breaks): long names and targets stay readable
 * in narrow table cells. Same draft and refusal rules as `CommitTextInput`.
 */
export function CommitTextarea({
  value,
  onCommit,
  error,
  singleLine = false,
  ...rest
}: TextCommitProps & { singleLine?: boolean } & Omit<
    TextareaProps,
    'value' | 'defaultValue' | 'onChange' | 'onBlur'
  >) {
  const { draft, setDraft, refusal, setRefusal } = useDraft(value);
  const commit = () => {
    if (draft.trim() === value.trim()) {
      setRefusal(null);
      return;
    }
    setRefusal(onCommit(draft.trim()));
  };
  return (
    <Textarea
      autosize
      {...rest}
      value={draft}
      error={refusal ?? error}
      minRows={singleLine ? 1 : (rest.minRows ?? 2)}
      onChange={(e) =>
        setDraft(singleLine ? e.currentTarget.value.replace(/\s*\n\s*/g, ' ') : e.currentTarget.value)
      }
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (singleLine || e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          setDraft(value);
          setRefusal(null);
        }
      }}
    />
  );
}

/**
 * A number field that commits on blur or Enter. An empty or unreadable field is refused here with a sentence,
 * before the plan sees it; range checks are the schema's (the refusal names the JSON path).
 */
export function CommitNumberInput({
  value,
  onCommit,
  error,
  ...rest
}: { value: number; onCommit: Commit<number> } & Omit<
  NumberInputProps,
  'value' | 'defaultValue' | 'onChange' | 'onBlur'
>) {
  const { draft, setDraft, refusal, setRefusal } = useDraft<number | string>(value);
  const commit = () => {
    const next = typeof draft === 'number' ? draft : Number(draft);
    if (draft === '' || !Number.isFinite(next)) {
      setRefusal('enter a number');
      return;
    }
    if (next === value) {
      setRefusal(null);
      return;
    }
    setRefusal(onCommit(next));
  };
  return (
    <NumberInput
      {...rest}
      value={draft}
      error={refusal ?? error}
      onChange={setDraft}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          setDraft(value);
          setRefusal(null);
        }
      }}
    />
  );
}
