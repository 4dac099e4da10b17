import type { CSSProperties, ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';

/** Read by screen readers, not shown: captions, full names behind codes, the data behind a chart. */
export const VISUALLY_HIDDEN: CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' };

/** Text on the charts: the admin's body colour, at a size a person reads (legend and labels were 10 px in the slices' colours, 2.6–3.3:1). */
export const CHART_TEXT = { fill: '#32324d', fontSize: 12 } as const;

export interface ChartRow {
  name: string;
  value: string;
}

/**
 * A chart as a named figure: the drawing is for the eye (hidden from screen readers, which got an
 * unnamed `role="application"` SVG from recharts), and the same figures are a table for everyone
 * else. Give the chart `accessibilityLayer={false}` so the SVG is not a tab stop of its own.
 */
export const ChartFigure = ({ label, rows, height, children }: { label: string; rows: ChartRow[]; height: number; children: ReactElement }) => (
  <figure aria-label={label} style={{ margin: 0 }}>
    <div aria-hidden="true">
      <ResponsiveContainer width="100%" height={height}>{children}</ResponsiveContainer>
    </div>
    <table style={VISUALLY_HIDDEN}>
      <caption>{label}</caption>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}><th scope="row">{row.name}</th><td>{row.value}</td></tr>
        ))}
      </tbody>
    </table>
  </figure>
);
