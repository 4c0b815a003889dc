import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';

// Native controls styled with design tokens: the Atlaskit form components would add tens of KB to a
// page whose whole point is a few inputs and a lot of numbers.

export const labelStyle: CSSProperties = { font: token('font.body.small'), fontWeight: token('font.weight.semibold'), color: token('color.text.subtle') };

export function fieldStyle(invalid: boolean): CSSProperties {
  return {
    font: token('font.body'),
    color: token('color.text'),
    background: token('color.background.input'),
    border: `${token('border.width')} solid ${invalid ? token('color.border.danger') : token('color.border.input')}`,
    borderRadius: token('radius.small', '3px'),
    padding: `${token('space.050')} ${token('space.100')}`,
    minHeight: '2rem',
  };
}

const buttonBase: CSSProperties = {
  font: token('font.body'),
  border: 'none',
  borderRadius: token('radius.small', '3px'),
  padding: `${token('space.075')} ${token('space.150')}`,
  cursor: 'pointer',
};

export const primaryButtonStyle: CSSProperties = { ...buttonBase, background: token('color.background.brand.bold'), color: token('color.text.inverse') };
export const subtleButtonStyle: CSSProperties = { ...buttonBase, background: token('color.background.neutral'), color: token('color.text') };

export const cardStyle: CSSProperties = {
  border: `${token('border.width')} solid ${token('color.border')}`,
  borderRadius: token('radius.medium', '6px'),
  padding: token('space.150'),
  background: token('elevation.surface'),
  display: 'flex',
  flexDirection: 'column',
  gap: token('space.100'),
};

export const sectionHeadingStyle: CSSProperties = { font: token('font.heading.small'), margin: 0, color: token('color.text') };
export const subHeadingStyle: CSSProperties = { font: token('font.heading.xxsmall'), margin: 0, color: token('color.text') };
export const subtleText: CSSProperties = { color: token('color.text.subtle'), font: token('font.body.small'), margin: 0 };

export const tableStyle: CSSProperties = { borderCollapse: 'collapse', width: '100%', font: token('font.body') };
export const thStyle: CSSProperties = {
  textAlign: 'start',
  padding: `${token('space.050')} ${token('space.100')}`,
  borderBottom: `${token('border.width.selected', '2px')} solid ${token('color.border')}`,
  color: token('color.text.subtle'),
  font: token('font.body.small'),
  fontWeight: token('font.weight.semibold'),
};
export const tdStyle: CSSProperties = { padding: `${token('space.050')} ${token('space.100')}`, borderBottom: `${token('border.width')} solid ${token('color.border')}` };
export const numStyle: CSSProperties = { ...tdStyle, textAlign: 'end', fontVariantNumeric: 'tabular-nums' };
export const numHeadStyle: CSSProperties = { ...thStyle, textAlign: 'end' };
