// The parts of Apache ECharts the client draws with, registered once; pages import() this module so the
// library loads only with the first chart (and the reports add their chart types here).
import * as echarts from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer])

export const init = echarts.init
