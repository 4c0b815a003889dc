import { token } from '@atlaskit/tokens';
import { useEffect, useId, useRef } from 'react';
import type { ReportGetResult } from '../../../../src/contracts/report';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { valueLabel } from '../model/report-format';
import { DIMENSIONS, optionsOf, selectedCount } from '../model/report-request';
import type { Dimension, DimensionList, FilterSelection } from '../model/report-request';
import { fieldStyle, labelStyle, subtleButtonStyle } from './styles';

/**
 * One multi-select per dimension (a disclosure with checkboxes: keyboard and screen-reader friendly
 * with no popup library). Values come from the last report's `options`; a change applies at once.
 */
export function FilterBar(props: { result: ReportGetResult | null; selection: FilterSelection; onToggle: (list: DimensionList, value: string | null) => void; onClear: () => void }) {
  const { t } = useI18n();
  return (
    <fieldset style={{ border: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: token('space.100') }}>
      <legend style={{ ...labelStyle, marginBottom: token('space.050') }}>{t('report.filter.legend')}</legend>
      {DIMENSIONS.map((dim) => (
        <DimensionPicker key={dim.id} dim={dim} result={props.result} selection={props.selection} onToggle={props.onToggle} />
      ))}
      {selectedCount(props.selection) > 0 && (
        <button type="button" data-testid="report-filter-clear" onClick={props.onClear} style={subtleButtonStyle}>
          {t('report.filter.clear')}
        </button>
      )}
    </fieldset>
  );
}

function DimensionPicker(props: { dim: Dimension; result: ReportGetResult | null; selection: FilterSelection; onToggle: (list: DimensionList, value: string | null) => void }) {
  const { t } = useI18n();
  const id = useId();
  const { dim, selection } = props;
  const ref = useRef<HTMLDetailsElement>(null);
  // A disclosure used as a popup: a click elsewhere or Escape closes it, so it never covers the report.
  useEffect(() => {
    const close = (event: Event) => {
      const details = ref.current;
      if (details === null || !details.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        details.open = false;
        details.querySelector('summary')?.focus();
      } else if (!(event.target instanceof Node && details.contains(event.target))) details.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  const chosen = selection[dim.list];
  const options = optionsOf(props.result, selection, dim);
  const name = t(`report.dim.${dim.id}`);
  const state = chosen.length === 0 ? t('report.filter.all') : chosen.length === 1 ? valueLabel(dim.id, chosen[0] ?? null, t) : t('report.filter.selected', { count: chosen.length });
  return (
    <details ref={ref} data-testid={`report-filter-${dim.id}`} style={{ position: 'relative' }}>
      <summary style={{ ...fieldStyle(false), cursor: 'pointer', listStyle: 'revert', display: 'list-item' }}>
        <span style={labelStyle}>{name}:</span> <span data-testid={`report-filter-${dim.id}-state`}>{state}</span>
      </summary>
      <div
        role="group"
        aria-labelledby={`${id}-name`}
        style={{
          position: 'absolute',
          zIndex: 1,
          marginTop: token('space.050'),
          minWidth: '14rem',
          maxHeight: '16rem',
          overflowY: 'auto',
          padding: token('space.100'),
          background: token('elevation.surface.overlay'),
          boxShadow: token('elevation.shadow.overlay'),
          borderRadius: token('radius.small', '3px'),
          display: 'flex',
          flexDirection: 'column',
          gap: token('space.050'),
        }}
      >
        <span id={`${id}-name`} style={labelStyle}>
          {name}
        </span>
        {options.length === 1 && <span style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>{t('report.filter.noOptions')}</span>}
        {options.map((value) => (
          <label key={value ?? '\u0000none'} style={{ display: 'flex', gap: token('space.075'), alignItems: 'center', font: token('font.body') }}>
            <input type="checkbox" data-value={value ?? ''} checked={chosen.includes(value)} onChange={() => props.onToggle(dim.list, value)} />
            {valueLabel(dim.id, value, t)}
          </label>
        ))}
      </div>
    </details>
  );
}
