import { useEffect, useRef } from 'preact/hooks';

/** Mounts an Observable Plot figure (static SVG) and replaces it when its inputs change. */
/** Every chart's width: the page's, between 320 and 900 pixels. */
export const chartWidth = () => Math.min(900, Math.max(320, document.body.clientWidth - 32));

export function PlotFigure({ make, label }: { make: () => SVGSVGElement | HTMLElement; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = make();
    ref.current?.replaceChildren(node);
    return () => node.remove();
  }, [make]);
  return <div ref={ref} class="figure" role="img" aria-label={label} />;
}
