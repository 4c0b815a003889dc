import { useState } from 'react';
import type { CSSProperties } from 'react';
import { TextInput } from '../ui/form-controls';
import { parseNameList } from './problem-rules';

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A list of names edited as "a, b" text. Unlike re-joining the stored list on every keystroke, it
 * keeps what the admin typed (a trailing comma, a space) so a second name can be typed; it takes the
 * stored list again only when that changes from elsewhere (discard, reload).
 */
export function NameListInput(props: { label: string; path: string; value: readonly string[]; onChange: (value: string[]) => void; width?: CSSProperties['width']; testId?: string }) {
  const [text, setText] = useState(() => props.value.join(', '));
  const shown = sameList(parseNameList(text), props.value) ? text : props.value.join(', ');
  return (
    <TextInput
      label={props.label}
      path={props.path}
      value={shown}
      {...(props.width === undefined ? {} : { width: props.width })}
      {...(props.testId === undefined ? {} : { testId: props.testId })}
      onChange={(next) => {
        setText(next);
        const list = parseNameList(next);
        if (!sameList(list, props.value)) props.onChange(list);
      }}
    />
  );
}
