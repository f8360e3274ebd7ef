import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// only what the dashboard draws: bars on a grid, the aria text alternative, the canvas renderer (no inline
// style attributes, which the portal's content security policy would refuse)
use([BarChart, GridComponent, AriaComponent, CanvasRenderer]);

/** An ECharts chart of the option, redrawn when the option changes, resized with the window. */
export function Chart({ option, height }: { option: EChartsCoreOption; height: 'short' | 'tall' }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = init(element.current!);
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={element} className={`chart ${height}`} />;
}
