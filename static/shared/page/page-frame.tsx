import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';

/** Padding and a heading, the same on every page. */
export function PageFrame(props: { heading: string; level?: 'h1' | 'h2'; children?: ReactNode }) {
  return (
    <main style={{ padding: token('space.200'), display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
      <Heading as={props.level ?? 'h1'} size="medium">
        {props.heading}
      </Heading>
      {props.children}
    </main>
  );
}
