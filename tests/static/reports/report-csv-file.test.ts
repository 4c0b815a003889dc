import { describe, expect, it } from 'vitest';
import { CATALOGS, createTranslate } from '../../../static/shared/i18n';
import { reportCsvName, reportCsvText } from '../../../static/reports/src/model/report-csv-file';
import { NO_FILTER, toggleValue } from '../../../static/reports/src/model/report-request';
import { sampleReport } from './report-fixture';

/** A small RFC 4180 reader, so the test checks what a spreadsheet would see, not our own string layout. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error(`CSV does not end with CRLF: ${JSON.stringify(row)}`);
  return rows;
}

const tEn = createTranslate(CATALOGS.en);
const tJa = createTranslate(CATALOGS.ja);

describe('reportCsvText', () => {
  const report = sampleReport();
  const selection = toggleValue(toggleValue(NO_FILTER, 'kinds', 'failure'), 'kinds', null);

  it('starts with a BOM and the header, every row has four fields and CRLF ends', () => {
    const text = reportCsvText(report, selection, 'en', tEn);
    expect(text.startsWith('\uFEFFSection,Item,Detail,Value\r\n')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows.every((r) => r.length === 4)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('holds the figures of the page', () => {
    const rows = parseCsv(reportCsvText(report, selection, 'en', tEn).slice(1));
    const find = (section: string, item: string, detail = '') => rows.find((r) => r[0] === section && r[1] === item && r[2] === detail)?.[3];
    expect(find('Counts', 'Opened')).toBe('6');
    expect(find('Counts', 'Closed')).toBe('4');
    expect(find('Counts', 'Open at end')).toBe('5');
    expect(find('Counts', 'Recurrence rate (%)')).toBe('33.33');
    expect(find('Daily trend', '2026-03-03', 'Opened')).toBe('3');
    expect(find('SLA', 'first-response', 'Compliance (%)')).toBe('83.33');
    expect(find('SLA', 'first-response', 'Running')).toBe('2');
    expect(find('MTTR', 'Mean wall-clock minutes')).toBe('1530');
    // Text a spreadsheet would run as a formula is defused, quotes and commas survive.
    expect(find('By team', "'=cmd")).toBe('6');
    expect(find('By service', 'メール, "社内"')).toBe('6');
    expect(find('By kind', '(none)')).toBe('1');
  });

  it('adds the filter and the breached incidents with who is responsible', () => {
    const rows = parseCsv(reportCsvText(report, selection, 'en', tEn).slice(1));
    expect(rows.filter((r) => r[0] === 'Filter')).toEqual([['Filter', 'Kind', '', 'failure | (no value)']]);
    expect(rows.filter((r) => r[0] === 'Breached incidents')).toEqual([
      ['Breached incidents', 'INC-7', 'first-response', '山田 太郎'],
      ['Breached incidents', 'INC-9', 'first-response resolution', 'Unassigned'],
    ]);
    expect(rows.some((r) => r[0] === 'Filter' && r[1] !== 'Kind')).toBe(false);
  });

  it('speaks Japanese for a Japanese viewer', () => {
    const text = reportCsvText(report, NO_FILTER, 'ja', tJa);
    expect(text.startsWith('\uFEFF区分,項目,詳細,値\r\n')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows.find((r) => r[0] === '件数' && r[1] === '起票')?.[3]).toBe('6');
    expect(rows.find((r) => r[1] === 'INC-9')?.[3]).toBe('未割り当て');
    expect(rows.some((r) => r[0] === '絞り込み条件')).toBe(false);
    expect(rows.find((r) => r[1] === '計算式')?.[3]).toBe(report.complianceFormula.ja);
  });
});

describe('reportCsvName', () => {
  it('names the project and period', () => {
    expect(reportCsvName('INC', sampleReport())).toBe('incident-report-INC-2026-03-01_2026-03-03.csv');
    expect(reportCsvName(null, sampleReport())).toBe('incident-report-all-2026-03-01_2026-03-03.csv');
  });
});
