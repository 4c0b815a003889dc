import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

/** The appearances of @atlaskit/lozenge (green, blue, yellow, red, purple, grey). */
export type LozengeAppearance = 'default' | 'inprogress' | 'moved' | 'new' | 'removed' | 'success';

function colours(appearance: LozengeAppearance, bold: boolean): { background: string; color: string } {
  switch (appearance) {
    case 'success':
      return bold ? { background: token('color.background.success.bold'), color: token('color.text.inverse') } : { background: token('color.background.success'), color: token('color.text.success') };
    case 'inprogress':
      return bold ? { background: token('color.background.information.bold'), color: token('color.text.inverse') } : { background: token('color.background.information'), color: token('color.text.information') };
    case 'moved':
      return bold ? { background: token('color.background.warning.bold'), color: token('color.text.warning.inverse') } : { background: token('color.background.warning'), color: token('color.text.warning') };
    case 'removed':
      return bold ? { background: token('color.background.danger.bold'), color: token('color.text.inverse') } : { background: token('color.background.danger'), color: token('color.text.danger') };
    case 'new':
      return bold ? { background: token('color.background.discovery.bold'), color: token('color.text.inverse') } : { background: token('color.background.discovery'), color: token('color.text.discovery') };
    case 'default':
      return bold ? { background: token('color.background.neutral.bold'), color: token('color.text.inverse') } : { background: token('color.background.neutral'), color: token('color.text.subtle') };
  }
}

/**
 * A lozenge drawn like @atlaskit/lozenge with design tokens only. The Atlaskit one brings Tooltip and
 * the primitives (about 23 KB gzipped), which the issue panel's 120 KB budget cannot carry on every issue view.
 */
export function Lozenge(props: { appearance?: LozengeAppearance; isBold?: boolean; children: ReactNode; testId?: string; maxWidth?: number }) {
  const c = colours(props.appearance ?? 'default', props.isBold ?? false);
  return (
    <span
      data-testid={props.testId}
      style={{
        display: 'inline-block',
        boxSizing: 'border-box',
        maxWidth: props.maxWidth ?? 200,
        padding: `0 ${token('space.050')}`,
        borderRadius: token('radius.small', '3px'),
        background: c.background,
        color: c.color,
        font: token('font.body.small'),
        fontWeight: token('font.weight.bold'),
        textTransform: 'uppercase',
        whiteSpace: 'nowrap',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        verticalAlign: 'baseline',
      }}
    >
      {props.children}
    </span>
  );
}
