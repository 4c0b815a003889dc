import type { ReactNode } from 'react';
import { token } from '@atlaskit/tokens';

/**
 * A plain error box drawn with design tokens only. Used where a crash or a missing context must
 * still render even if a lazy chunk cannot load; resolver errors use SectionMessage (states.tsx).
 */
export function PlainNotice(props: { title: string; children?: ReactNode; retryLabel?: string; onRetry?: () => void }) {
  return (
    <div
      role="alert"
      style={{
        margin: token('space.100'),
        padding: token('space.200'),
        borderRadius: token('radius.small', '3px'),
        background: token('color.background.danger'),
        color: token('color.text'),
      }}
    >
      <strong style={{ display: 'block', marginBottom: token('space.100') }}>{props.title}</strong>
      {props.children}
      {props.onRetry && (
        <button
          type="button"
          onClick={props.onRetry}
          style={{
            marginTop: token('space.100'),
            padding: `${token('space.050')} ${token('space.150')}`,
            border: 'none',
            borderRadius: token('radius.small', '3px'),
            background: token('color.background.neutral'),
            color: token('color.text'),
            cursor: 'pointer',
          }}
        >
          {props.retryLabel}
        </button>
      )}
    </div>
  );
}
