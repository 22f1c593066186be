// An Observable Plot chart in React. Plot is loaded on first use (its own chunk). Plot puts a
// <style> element into each chart, which the page's CSP (style-src 'self') refuses: it is
// removed before the chart enters the document, and app.css carries its rules.
import { useEffect, useRef } from 'react';

type PlotModule = typeof import('@observablehq/plot');

/** The class every chart gets, styled in drill.css in place of Plot's own <style>. */
export const PLOT_CLASS = 'citylens-plot';

export function PlotChart({ make, label }: { make: (Plot: PlotModule) => SVGSVGElement | HTMLElement; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live = true;
    void import('@observablehq/plot').then((Plot) => {
      if (!live || !host.current) return;
      const chart = make(Plot);
      chart.querySelectorAll('style').forEach((s) => s.remove());
      host.current.replaceChildren(chart);
    });
    return () => {
      live = false;
    };
  }, [make]);
  return <div ref={host} className="plot-host" role="img" aria-label={label} />;
}
