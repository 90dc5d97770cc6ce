/** The slip exactly as it goes to the printer: the SVG the core renders from the same laid-out lines. */
import { useEffect, useState } from 'react';
import type { RendererApi } from '../api';

export function SlipPreview({ api, jobId }: { api: RendererApi; jobId: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('print.preview', { id: jobId }).then((r) => live && r.ok && setSvg(r.value.svg));
    return () => {
      live = false;
    };
  }, [api, jobId]);
  if (!svg) return null;
  return (
    <figure className="slip-preview" data-testid="slip-preview">
      <figcaption>打印预览</figcaption>
      <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt="打印预览" />
    </figure>
  );
}
