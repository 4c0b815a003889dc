import { useId } from 'react';
import type { ReactNode } from 'react';
import { cardStyle, sectionHeadingStyle } from './styles';

/** A titled card; the heading labels the region for screen-reader navigation. */
export function Section(props: { title: string; testId: string; actions?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} data-testid={props.testId} style={cardStyle}>
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'baseline', gap: '8px' }}>
        <h2 id={id} style={sectionHeadingStyle}>
          {props.title}
        </h2>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}
