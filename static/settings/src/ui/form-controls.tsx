import { token } from '@atlaskit/tokens';
import { useId, useMemo, useState } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import type { LocalizedText } from '../../../shared/i18n/locale';
import { useConfigDraft } from '../config-draft';
import { indexErrors } from '../field-errors';
import { parseNameList } from '../problems/problem-rules';

/** Errors of the draft at exactly this path. */
export function useErrorsAt(path: string): readonly LocalizedText[] {
  const { errors } = useConfigDraft();
  const index = useMemo(() => indexErrors(errors), [errors]);
  return index.get(path) ?? [];
}

export const inputStyle = (invalid: boolean, width?: CSSProperties['width']): CSSProperties => ({
  font: 'inherit',
  color: token('color.text'),
  background: token('color.background.input'),
  border: `${invalid ? '2px' : '1px'} solid ${invalid ? token('color.border.danger') : token('color.border.input')}`,
  borderRadius: token('radius.small', '3px'),
  padding: `${token('space.050')} ${token('space.075')}`,
  width: width ?? 'auto',
  boxSizing: 'border-box',
  minWidth: 0,
});

/** The error texts under an input, in the viewer's language, with the field path so admins can match the resolver's message. */
export function FieldMessages(props: { id: string; path: string; messages: readonly LocalizedText[] }) {
  const { lang } = useI18n();
  if (props.messages.length === 0) return null;
  return (
    <span id={props.id} role="alert" data-testid="field-error" data-path={props.path} style={{ display: 'block', color: token('color.text.danger'), font: token('font.body.small') }}>
      {props.messages.map((m) => m[lang]).join(' ')}
    </span>
  );
}

interface BaseProps {
  /** Visible label; when `hideLabel`, still the accessible name. */
  readonly label: string;
  readonly hideLabel?: boolean;
  /** Config path of the value, to show its errors (`impact.levels[0].labels.ja`). */
  readonly path: string;
  readonly disabled?: boolean;
  readonly width?: CSSProperties['width'];
  readonly testId?: string;
}

function Labelled(props: { id: string; label: string; hideLabel: boolean | undefined; children: ReactNode; path: string; messages: readonly LocalizedText[] }) {
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', gap: token('space.025'), minWidth: 0 }}>
      {props.hideLabel !== true && (
        <label htmlFor={props.id} style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>
          {props.label}
        </label>
      )}
      {props.children}
      <FieldMessages id={`${props.id}-error`} path={props.path} messages={props.messages} />
    </span>
  );
}

/** What every labelled control shares: its id, the errors at its path, and the attributes tying them together. */
function useControl(props: BaseProps) {
  const id = useId();
  const messages = useErrorsAt(props.path);
  const invalid = messages.length > 0;
  const attrs = {
    id,
    disabled: props.disabled,
    'aria-label': props.hideLabel === true ? props.label : undefined,
    'aria-invalid': invalid,
    'aria-describedby': invalid ? `${id}-error` : undefined,
    'data-path': props.path,
    'data-testid': props.testId,
  };
  return { id, messages, invalid, attrs };
}

export function TextInput(props: BaseProps & { value: string; onChange: (value: string) => void; type?: 'text' | 'time' | 'date'; placeholder?: string; list?: string }) {
  const { id, messages, invalid, attrs } = useControl(props);
  return (
    <Labelled id={id} label={props.label} hideLabel={props.hideLabel} path={props.path} messages={messages}>
      <input
        {...attrs}
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        list={props.list}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        style={inputStyle(invalid, props.width)}
      />
    </Labelled>
  );
}

export function NumberInput(props: BaseProps & { value: number; onChange: (value: number) => void; min?: number; max?: number }) {
  const { id, messages, invalid, attrs } = useControl(props);
  return (
    <Labelled id={id} label={props.label} hideLabel={props.hideLabel} path={props.path} messages={messages}>
      <input
        {...attrs}
        type="number"
        inputMode="numeric"
        value={Number.isFinite(props.value) ? props.value : ''}
        min={props.min}
        max={props.max}
        onChange={(e) => props.onChange(e.currentTarget.valueAsNumber)}
        style={inputStyle(invalid, props.width ?? '7em')}
      />
    </Labelled>
  );
}

export function SelectInput(props: BaseProps & { value: string; options: readonly { value: string; label: string }[]; onChange: (value: string) => void }) {
  const { id, messages, invalid, attrs } = useControl(props);
  return (
    <Labelled id={id} label={props.label} hideLabel={props.hideLabel} path={props.path} messages={messages}>
      <select
        {...attrs}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        style={inputStyle(invalid, props.width)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

export function Checkbox(props: { label: string; checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean; testId?: string }) {
  return (
    <label style={{ display: 'inline-flex', gap: token('space.050'), alignItems: 'center' }}>
      <input type="checkbox" checked={props.checked} disabled={props.disabled} data-testid={props.testId} onChange={(e) => props.onChange(e.currentTarget.checked)} />
      {props.label}
    </label>
  );
}

/**
 * A list of names edited as "a, b" text (commas or 、). It keeps what the admin typed — a trailing comma,
 * a space — so a second name can follow; it shows the stored list again only when that changes from
 * elsewhere (discard, reload, restore).
 */
export function ListInput(props: BaseProps & { value: readonly string[]; onChange: (value: string[]) => void; placeholder?: string }) {
  const [text, setText] = useState(() => props.value.join(', '));
  const shown = sameList(parseNameList(text), props.value) ? text : props.value.join(', ');
  return (
    <TextInput
      {...props}
      value={shown}
      onChange={(next) => {
        setText(next);
        const list = parseNameList(next);
        if (!sameList(list, props.value)) props.onChange(list);
      }}
    />
  );
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** A small text button (add, remove, move) with an accessible name. */
export function SmallButton(props: { label: string; onClick: () => void; disabled?: boolean; children?: ReactNode; testId?: string; tone?: 'danger' }) {
  return (
    <button
      type="button"
      aria-label={props.label}
      title={props.label}
      disabled={props.disabled}
      data-testid={props.testId}
      onClick={props.onClick}
      style={{
        font: 'inherit',
        cursor: props.disabled === true ? 'not-allowed' : 'pointer',
        color: props.tone === 'danger' ? token('color.text.danger') : token('color.link'),
        background: 'transparent',
        border: `1px solid ${token('color.border')}`,
        borderRadius: token('radius.small', '3px'),
        padding: `${token('space.025')} ${token('space.075')}`,
      }}
    >
      {props.children ?? props.label}
    </button>
  );
}

/** A titled block of a settings page. */
export function Section(props: { title: string; description?: string; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id} data-testid={props.testId} style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <h2 id={id} style={{ font: token('font.heading.small'), margin: 0 }}>
        {props.title}
      </h2>
      {props.description !== undefined && <p style={{ margin: 0, color: token('color.text.subtle') }}>{props.description}</p>}
      {props.children}
    </section>
  );
}

/** Text for screen readers only (column headers of icon-only buttons). */
export function VisuallyHidden(props: { children: ReactNode }) {
  return (
    <span style={{ position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 }}>{props.children}</span>
  );
}
