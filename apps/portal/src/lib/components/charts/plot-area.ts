// The geometry every chart shares: the SVG's coordinate system (its viewBox) and, inside it, the plot area that
// the margins leave for the data. Scales map data onto the plot area's edges; axes sit on them.

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PlotArea {
  /** The viewBox's size. */
  width: number;
  height: number;
  /** The plot area's edges, in viewBox units. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  innerWidth: number;
  innerHeight: number;
}

/** A scale an axis can draw: d3's continuous scales (ticks) and band or point scales (their domain). */
export interface AxisScale<T> {
  (value: T): number | undefined;
  domain(): T[];
  ticks?(count?: number): T[];
  tickFormat?(count?: number): (value: T) => string;
  bandwidth?(): number;
}

export function plotArea(width: number, height: number, margin: Partial<Margin> | number = 0): PlotArea {
  const m =
    typeof margin === 'number'
      ? { top: margin, right: margin, bottom: margin, left: margin }
      : { top: 0, right: 0, bottom: 0, left: 0, ...margin };
  return {
    width,
    height,
    left: m.left,
    right: width - m.right,
    top: m.top,
    bottom: height - m.bottom,
    innerWidth: width - m.left - m.right,
    innerHeight: height - m.top - m.bottom,
  };
}
